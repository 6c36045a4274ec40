package org.stackratings.agency;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MeterRefreshTest {

    private final MeterRefresh refresh = new MeterRefresh(new AgencyThreads(new SimpleMeterRegistry()),
            () -> Duration.ofSeconds(30));

    @Test
    void runsEveryRegisteredRefreshAndAFailingOneDoesNotStopTheOthers() {
        List<String> ran = new ArrayList<>();
        refresh.register("first", () -> ran.add("first"));
        refresh.register("broken", () -> {
            throw new IllegalStateException("the database is away");
        });
        refresh.register("last", () -> ran.add("last"));

        refresh.refreshNow();
        refresh.refreshNow();

        assertThat(ran).containsExactlyInAnyOrder("first", "last", "first", "last");
    }

    @Test
    void aNameRegisteredAgainReplacesItsRefresh() {
        List<String> ran = new ArrayList<>();
        refresh.register("ratings", () -> ran.add("old"));
        refresh.register("ratings", () -> ran.add("new"));

        refresh.refreshNow();

        assertThat(ran).containsExactly("new");
    }
}
