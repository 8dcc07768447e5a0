package io.schemagov.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    @Test
    void theJvmsCpuTimeGrowsWithWorkDone() {
        long before = ProcessCpu.jvmNanos();
        long sink = 0;
        long until = System.nanoTime() + 200_000_000L;
        while (System.nanoTime() < until) {
            sink += Long.toString(sink).hashCode();
        }

        long spent = ProcessCpu.jvmNanos() - before;

        assertThat(spent).as("CPU of a 200 ms busy loop (sink %d)", sink).isGreaterThan(50_000_000L);
    }

    @Test
    void aDifferenceOfReadingsIsTakenPerProcessGroup() {
        ProcessCpu.Reading later = new ProcessCpu.Reading(500, 70, 9);

        ProcessCpu.Reading spent = later.minus(new ProcessCpu.Reading(200, 30, 4));

        assertThat(spent).isEqualTo(new ProcessCpu.Reading(300, 40, 5));
        assertThat(spent.totalNanos()).isEqualTo(345);
    }

    @Test
    void withoutALaunchedElasticsearchTheReadingSaysSoInsteadOfCountingNothing() {
        assertThatThrownBy(ProcessCpu::elasticsearchNanos).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no Elasticsearch server process");
    }
}
