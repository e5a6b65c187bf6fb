package io.linktrack.messages.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BatchTest {

  @Test
  void recipientsAreTakenChunkByChunkAndNeverBeyondTheTotal() {
    Batch batch = new Batch(1200, null, Instant.EPOCH);
    assertEquals(0, batch.accepted());
    assertEquals(500, batch.acceptNext(500));
    assertEquals(1000, batch.acceptNext(500));
    assertEquals(1200, batch.acceptNext(500), "the last chunk is what is left");
    assertEquals(1200, batch.acceptNext(500), "a resumed acceptance of a full batch takes nothing");
  }
}
