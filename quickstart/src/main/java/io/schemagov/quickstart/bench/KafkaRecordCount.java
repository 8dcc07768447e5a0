package io.schemagov.quickstart.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * How many records a topic holds, as the sum of its partitions' end offsets: the ingest's
 * producer is idempotent but not transactional, so each offset is one record.
 */
final class KafkaRecordCount {

    private final Admin admin;
    private final Map<TopicPartition, OffsetSpec> latest;

    KafkaRecordCount(Admin admin, String topic) throws ExecutionException, InterruptedException {
        this.admin = admin;
        this.latest = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                .map(partition -> new TopicPartition(topic, partition.partition()))
                .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
    }

    long count() throws ExecutionException, InterruptedException {
        return admin.listOffsets(latest).all().get().values().stream().mapToLong(ListOffsetsResultInfo::offset).sum();
    }
}
