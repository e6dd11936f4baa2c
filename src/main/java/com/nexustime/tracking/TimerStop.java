package com.nexustime.tracking;

import java.time.Instant;

/** An optional body of {@code POST /timer/stop}: the moment the work ended, when it was not just now. */
public record TimerStop(Instant end) {
}
