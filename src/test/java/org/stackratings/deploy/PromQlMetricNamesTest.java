package org.stackratings.deploy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromQlMetricNamesTest {

    @Test
    void aBareSelectorIsItsMetric() {
        assertThat(PromQlMetricNames.of("up")).containsExactly("up");
    }

    @Test
    void dropsFunctionsAggregationsLabelsAndNumbers() {
        assertThat(PromQlMetricNames.of("sum by (member, outcome) (rate(stackratings_probe_operation_outcomes_total"
                + "{outcome=~\"ERROR|TIMEOUT\", member=\"x\"}[15m])) / 1e3 > 0.5"))
                .containsExactly("stackratings_probe_operation_outcomes_total");
    }

    @Test
    void readsBothSidesOfBinaryOperatorsAndDropsMatchingModifiers() {
        assertThat(PromQlMetricNames.of("max by (member) (a_total) == 1 and on (member) group_left (x) "
                + "max by (member) (max_over_time(b_seconds[7d] offset 1h)) > bool 0 unless ignoring(instance) c"))
                .containsExactly("a_total", "b_seconds", "c");
    }

    @Test
    void dropsGrafanaVariablesAndReadsLabelValuesFirstArgument() {
        assertThat(PromQlMetricNames.of("rate(http_server_requests_seconds_count{instance=~\"$instance\"}[$__rate_interval])"))
                .containsExactly("http_server_requests_seconds_count");
        assertThat(PromQlMetricNames.of("label_values(stackratings_agency_ready{job=\"x\"}, instance)"))
                .containsExactly("stackratings_agency_ready");
        assertThat(PromQlMetricNames.of("label_values(instance)")).isEmpty();
    }

    @Test
    void readsSubqueriesAndTimeFunctions() {
        assertThat(PromQlMetricNames.of("time() - max_over_time(max(x_timestamp_seconds)[1h:1m])"))
                .containsExactly("x_timestamp_seconds");
        assertThat(PromQlMetricNames.of("histogram_quantile(0.99, sum by (le) (rate(h_bucket[5m])))"))
                .containsExactly("h_bucket");
    }
}
