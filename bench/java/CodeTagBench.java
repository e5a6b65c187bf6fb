import io.linktrack.links.entity.CodeTag;
import io.linktrack.links.entity.ShortCode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * What the anti-enumeration check adds to a redirect: the time of one tag check, on the codes a
 * guesser sends (random codes of the tagged length, nearly all refused). Run by bench/codetag.sh.
 */
public class CodeTagBench {

  public static void main(String[] args) {
    CodeTag tag = new CodeTag("a bench key of 32 characters....".getBytes(StandardCharsets.UTF_8), 8);
    SecureRandom random = new SecureRandom();
    String[] codes = new String[1024];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = i % 2 == 0 ? tag.random(random).value() : ShortCode.random(random, 10).value();
    }
    int refused = 0;
    for (int i = 0; i < 2_000_000; i++) { // warm-up: let the JIT compile the check
      refused += tag.refuses(codes[i & 1023]) ? 1 : 0;
    }
    for (int round = 1; round <= 5; round++) {
      int checks = 2_000_000;
      long start = System.nanoTime();
      for (int i = 0; i < checks; i++) {
        refused += tag.refuses(codes[i & 1023]) ? 1 : 0;
      }
      double nanos = (System.nanoTime() - start) / (double) checks;
      System.out.printf("round %d: %.0f ns per check%n", round, nanos);
    }
    System.out.println("(refused " + refused + ")"); // keeps the JIT from dropping the loop
  }
}
