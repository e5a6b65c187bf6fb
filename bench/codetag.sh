#!/usr/bin/env bash
# Cost of the short-code tag check (the anti-enumeration step at the top of every redirect), on this
# machine, outside the server: bench/codetag.sh. Builds the ejb-module first.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q -pl ejb-module compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp
mkdir -p ejb-module/target/bench-classes
CP="ejb-module/target/classes:$(cat ejb-module/target/bench.cp)"
javac -d ejb-module/target/bench-classes -cp "$CP" bench/java/CodeTagBench.java
java -cp "ejb-module/target/bench-classes:$CP" CodeTagBench
