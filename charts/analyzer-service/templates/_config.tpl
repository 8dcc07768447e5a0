{{/* The analyzer's analyzer.yml: what the values say, with secrets as placeholders of environment variables that come from existing Secrets, then config merged over it. */}}
{{- define "analyzer.config" -}}
{{- $kafka := dict "bootstrap-servers" (include "analyzer.kafkaBootstrapServers" .) -}}
{{- with .Values.kafka.groupId }}{{ $_ := set $kafka "group-id" . }}{{ end -}}
{{- $analyzer := dict "kafka" $kafka -}}
{{- if .Values.rulesFile }}{{ $_ := set $analyzer "rules-file" "/config/rules.yml" }}{{ end -}}
{{- $channels := dict -}}
{{- range $name, $channel := .Values.alerts.channels -}}
{{- $entry := include "analyzer.withoutEmpty" (omit $channel "existingSecret" "existingSecretUrlKey" "existingSecretSmtpPasswordKey") | fromYaml -}}
{{- if and $channel.existingSecret $channel.existingSecretUrlKey -}}
{{- $_ := set $entry "url" (printf "${%s}" (include "analyzer.channelEnv" (list $name "URL"))) -}}
{{- end -}}
{{- if and $channel.existingSecret $channel.existingSecretSmtpPasswordKey -}}
{{- $smtp := $entry.smtp | default dict -}}
{{- $_ := set $smtp "password" (printf "${%s}" (include "analyzer.channelEnv" (list $name "SMTP_PASSWORD"))) -}}
{{- $_ := set $entry "smtp" $smtp -}}
{{- end -}}
{{- $_ := set $channels $name $entry -}}
{{- end -}}
{{- $alerts := dict -}}
{{- with (include "analyzer.dashboardUrl" .) }}{{ $_ := set $alerts "dashboard-url" . }}{{ end -}}
{{- if $channels }}{{ $_ := set $alerts "channels" $channels }}{{ end -}}
{{- with .Values.alerts.routes }}{{ $_ := set $alerts "routes" . }}{{ end -}}
{{- if $alerts }}{{ $_ := set $analyzer "alerts" $alerts }}{{ end -}}
{{- $elasticsearch := dict "uris" (include "analyzer.elasticsearchUris" .) -}}
{{- with .Values.elasticsearch.username }}{{ $_ := set $elasticsearch "username" . }}{{ end -}}
{{- if .Values.elasticsearch.existingSecret }}{{ $_ := set $elasticsearch "password" "${ELASTICSEARCH_PASSWORD}" }}{{ end -}}
{{- $generated := dict "server" (dict "port" .Values.containerPorts.http) "spring" (dict "elasticsearch" $elasticsearch) "schemagov" (dict "analyzer" $analyzer) -}}
{{- toYaml (mustMergeOverwrite $generated (deepCopy .Values.config)) -}}
{{- end -}}

{{/* The environment variable of a channel's secret: ALERT_CHANNEL_<NAME>_<WHAT>, the name upper-cased with anything but letters and digits as "_". */}}
{{- define "analyzer.channelEnv" -}}
{{- printf "ALERT_CHANNEL_%s_%s" (regexReplaceAll "[^A-Za-z0-9]" (index . 0) "_" | upper) (index . 1) -}}
{{- end -}}

{{/* kafka.bootstrapServers, else global.kafka.bootstrapServers, else kafka:9092. */}}
{{- define "analyzer.kafkaBootstrapServers" -}}
{{- coalesce .Values.kafka.bootstrapServers (dig "kafka" "bootstrapServers" "" (.Values.global | default dict)) "kafka:9092" -}}
{{- end -}}

{{/* elasticsearch.uris, else global.elasticsearch.uris, else http://elasticsearch:9200. */}}
{{- define "analyzer.elasticsearchUris" -}}
{{- coalesce .Values.elasticsearch.uris (dig "elasticsearch" "uris" "" (.Values.global | default dict)) "http://elasticsearch:9200" -}}
{{- end -}}

{{/* alerts.dashboardUrl, else global.dashboardUrl, else empty (the service's default). */}}
{{- define "analyzer.dashboardUrl" -}}
{{- default (dig "dashboardUrl" "" (.Values.global | default dict)) .Values.alerts.dashboardUrl -}}
{{- end -}}

{{/* Environment variables from existing Secrets, named as the placeholders in analyzer.yml. */}}
{{- define "analyzer.secretEnv" -}}
{{- if .Values.elasticsearch.existingSecret }}
- name: ELASTICSEARCH_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.elasticsearch.existingSecret }}
      key: {{ .Values.elasticsearch.existingSecretPasswordKey }}
{{- end }}
{{- range $name, $channel := .Values.alerts.channels }}
{{- if and $channel.existingSecret $channel.existingSecretUrlKey }}
- name: {{ include "analyzer.channelEnv" (list $name "URL") }}
  valueFrom:
    secretKeyRef:
      name: {{ $channel.existingSecret }}
      key: {{ $channel.existingSecretUrlKey }}
{{- end }}
{{- if and $channel.existingSecret $channel.existingSecretSmtpPasswordKey }}
- name: {{ include "analyzer.channelEnv" (list $name "SMTP_PASSWORD") }}
  valueFrom:
    secretKeyRef:
      name: {{ $channel.existingSecret }}
      key: {{ $channel.existingSecretSmtpPasswordKey }}
{{- end }}
{{- end }}
{{- end -}}
