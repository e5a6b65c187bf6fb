package io.linktrack.messages.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/**
 * Every 30 seconds, queues again the messages whose acceptance was cut short by a crash. Not
 * persistent: a missed run changes nothing, the next one finds the same messages.
 */
@Singleton
public class StrandedMessageSweep {

  @Inject Messages messages;

  @Schedule(hour = "*", minute = "*", second = "*/30", persistent = false)
  void sweep() {
    messages.redispatchStranded();
  }
}
