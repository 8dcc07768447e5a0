package io.schemagov.analyzer.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long audit records are kept. Each daily audit index ({@code schemagov-audit-<database>-yyyy.MM.dd}) is
 * dropped whole once the first rule whose pattern matches its name says it is older than its days; an index no
 * rule matches is kept for ever. Example: {@code rules[0].pattern=schemagov-audit-shop-*}, {@code rules[0].days=400}.
 */
@Validated
@ConfigurationProperties("schemagov.analyzer.audit-retention")
public record AuditRetentionProperties(@DefaultValue List<@Valid Rule> rules,
        @NotNull @DefaultValue("1h") Duration interval) {

    /** Indices whose name matches the glob ({@code *} for any run of characters) are kept this many days. */
    public record Rule(
            @NotNull @Pattern(regexp = "schemagov-audit-.*", message = "must start with schemagov-audit-") String pattern,
            @Min(1) int days) {
    }
}
