package io.linktrack.it.rules;

import static io.linktrack.it.Linktrack.createCampaign;
import static io.linktrack.it.Linktrack.getJson;
import static io.linktrack.it.Linktrack.quote;
import static io.linktrack.it.rules.RuleSupport.INTERVAL;
import static io.linktrack.it.rules.RuleSupport.alerts;
import static io.linktrack.it.rules.RuleSupport.awaitActionsSettled;
import static io.linktrack.it.rules.RuleSupport.awaitAlerts;
import static io.linktrack.it.rules.RuleSupport.click;
import static io.linktrack.it.rules.RuleSupport.createRule;
import static io.linktrack.it.rules.RuleSupport.id;
import static io.linktrack.it.rules.RuleSupport.messageIdOf;
import static io.linktrack.it.rules.RuleSupport.pause;
import static io.linktrack.it.rules.RuleSupport.shortLinks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linktrack.it.Linktrack;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The server stops between the click that crosses a threshold and the pass that would fire: on
 * start, the missed pass runs and the alert fires, once.
 *
 * <p>A real crash at that moment leaves the database with the click committed and neither the alert
 * nor the new feed position (they commit together). The test makes exactly that state while the
 * server is stopped: it removes the alert and puts the rule timer's position back to before the
 * click. Then it does it again without removing the alert: the repeated pass must not fire a second
 * time.
 */
class RuleRestartIT {

  private static final Path WLP = Path.of(System.getProperty("it.wlp.dir", "target/liberty/wlp"));

  @AfterAll
  static void leaveTheServerRunning() throws Exception {
    if (!ready()) {
      server("start");
      awaitReady();
    }
  }

  @Test
  void anAlertMissedWhileTheServerWasDownFiresOnceAfterTheRestart() throws Exception {
    long campaign = id(createCampaign("restart-" + UUID.randomUUID(), true));
    String assignee = "restart-" + UUID.randomUUID();
    long rule =
        id(
            createRule(
                "{\"name\":\"First click\",\"scope\":\"MESSAGE\",\"metric\":\"CLICKS\","
                    + "\"threshold\":0,\"campaignId\":"
                    + campaign
                    + ",\"actions\":[{\"type\":\"CREATE_TASK\",\"assignee\":"
                    + quote(assignee)
                    + ",\"subject\":\"Follow up\"}]}"));
    long before =
        Linktrack.await(
                "the rule timer to have a position",
                () -> getJson("api/rules/status"),
                status -> status.containsKey("position") && !status.isNull("position"),
                Duration.ofSeconds(30))
            .getJsonNumber("position")
            .longValue();
    long message = messageIdOf(",\"campaignId\":" + campaign, "https://example.com/restart");
    click(shortLinks(message).get(0));
    awaitActionsSettled(rule, Duration.ofSeconds(20));

    // crash state: the click is there, its pass never committed
    server("stop");
    database(
        "DELETE FROM LT_TASK WHERE ALERT_ID IN (SELECT ID FROM LT_ALERT WHERE RULE_ID = ?)", rule);
    database(
        "DELETE FROM LT_ALERT_ACTION WHERE ALERT_ID IN (SELECT ID FROM LT_ALERT WHERE RULE_ID = ?)",
        rule);
    database("DELETE FROM LT_ALERT WHERE RULE_ID = ?", rule);
    database("UPDATE LT_RULE_PASS SET FEED_POSITION = ? WHERE ID = 1", before);
    server("start");
    awaitReady();

    List<JsonObject> fired = awaitAlerts(rule, 1, Duration.ofSeconds(30));
    assertEquals(Long.toString(message), fired.get(0).getString("subjectId"));
    awaitActionsSettled(rule, Duration.ofSeconds(20));
    assertEquals(1, tasks(assignee), "the missed pass created the task");

    // the same pass once more (a crash after the alert committed, before the timer knew)
    server("stop");
    database("UPDATE LT_RULE_PASS SET FEED_POSITION = ? WHERE ID = 1", before);
    server("start");
    awaitReady();
    Linktrack.await(
        "the repeated pass",
        () -> getJson("api/rules/status").getJsonNumber("position").longValue(),
        position -> position > before,
        Duration.ofSeconds(30));
    pause(INTERVAL.multipliedBy(3));
    assertEquals(1, alerts(rule).size(), "a repeated pass does not fire the rule again");
    assertEquals(1, tasks(assignee), "nor create a second task");
  }

  private static int tasks(String assignee) {
    return getJson("api/tasks?assignee=" + assignee).getInt("total");
  }

  /** Runs {@code bin/server <action> linktrack} and waits for it. */
  private static void server(String action) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(WLP.resolve("bin/server").toString(), action, "linktrack")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
    Process process = builder.start();
    assertTrue(process.waitFor(180, TimeUnit.SECONDS), "server " + action + " finishes");
    int code = process.exitValue();
    // 1: "start" found it running, or "stop" found it stopped: either way, the state we want
    assertTrue(code == 0 || code == 1, "server " + action + " exited with " + code);
  }

  private static boolean ready() {
    try {
      return answers200("health/ready") && answers200("api/rules/status");
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * Closes the response: while the server starts, every poll gets a page with a body, and an unread
   * one keeps its pooled connection until the pool is exhausted and the test hangs.
   */
  private static boolean answers200(String path) {
    Response response = Linktrack.get(path);
    try {
      return response.getStatus() == 200;
    } finally {
      response.close();
    }
  }

  private static void awaitReady() {
    Linktrack.await(
        "the server to be ready", RuleRestartIT::ready, r -> r, Duration.ofSeconds(180));
  }

  /** One statement on the stopped server's database. */
  private static void database(String sql, long parameter) throws SQLException {
    boolean derby = !"postgresql".equals(System.getProperty("it.db"));
    // embedded Derby in this JVM: its log goes to target/, not the working directory
    System.setProperty(
        "derby.stream.error.file", Path.of("target", "it-derby.log").toAbsolutePath().toString());
    String url =
        derby
            ? "jdbc:derby:" + Path.of(System.getProperty("it.data.dir"), "derby", "linktrack")
            : "jdbc:postgresql://127.0.0.1:5432/"
                + System.getProperty("it.db.name", "linktrack")
                + "?user=postgres";
    try (Connection connection = DriverManager.getConnection(url);
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, parameter);
      statement.executeUpdate();
    }
    if (derby) {
      try {
        // release the database files for the server
        DriverManager.getConnection(url + ";shutdown=true").close();
      } catch (SQLException expected) {
        // Derby reports a successful shutdown as an exception (08006)
      }
    }
  }
}
