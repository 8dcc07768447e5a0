{{/* The ingest's ingest.yml: what the values say, with secrets as placeholders of environment variables that come from existing Secrets, then config merged over it. */}}
{{- define "ingest.config" -}}
{{- $sources := list -}}
{{- range $index, $source := .Values.sources -}}
{{- $entry := include "ingest.withoutEmpty" (omit $source "existingSecret" "existingSecretPasswordKey") | fromYaml -}}
{{- if $source.existingSecret -}}
{{- $_ := set $entry "password" (printf "${SOURCE_%d_PASSWORD}" $index) -}}
{{- end -}}
{{- $sources = append $sources $entry -}}
{{- end -}}
{{- $masking := include "ingest.withoutEmpty" (omit .Values.masking "existingSecret" "existingSecretHashKeyKey") | fromYaml -}}
{{- if .Values.masking.existingSecret -}}
{{- $_ := set $masking "hash-key" "${MASKING_HASH_KEY}" -}}
{{- end -}}
{{- $kafka := dict "bootstrap-servers" (include "ingest.kafkaBootstrapServers" .) "partitions" .Values.kafka.partitions "replication-factor" .Values.kafka.replicationFactor -}}
{{- $slotLag := dict "interval" .Values.slotLag.interval "threshold" .Values.slotLag.threshold -}}
{{- $ingest := dict "state-directory" (printf "%s/ingest" .Values.persistence.mountPath) "kafka" $kafka "sources" $sources "masking" $masking "slot-lag" $slotLag "maintenance-poll" .Values.maintenancePoll -}}
{{- $generated := dict "server" (dict "port" .Values.containerPorts.http) "schemagov" (dict "ingest" $ingest) -}}
{{- toYaml (mustMergeOverwrite $generated (deepCopy .Values.config)) -}}
{{- end -}}

{{/* kafka.bootstrapServers, else global.kafka.bootstrapServers, else kafka:9092. */}}
{{- define "ingest.kafkaBootstrapServers" -}}
{{- coalesce .Values.kafka.bootstrapServers (dig "kafka" "bootstrapServers" "" (.Values.global | default dict)) "kafka:9092" -}}
{{- end -}}

{{/* Environment variables from existing Secrets, named as the placeholders in ingest.yml. */}}
{{- define "ingest.secretEnv" -}}
{{- range $index, $source := .Values.sources }}
{{- if $source.existingSecret }}
- name: {{ printf "SOURCE_%d_PASSWORD" $index }}
  valueFrom:
    secretKeyRef:
      name: {{ $source.existingSecret }}
      key: {{ $source.existingSecretPasswordKey | default "password" }}
{{- end }}
{{- end }}
{{- if .Values.masking.existingSecret }}
- name: MASKING_HASH_KEY
  valueFrom:
    secretKeyRef:
      name: {{ .Values.masking.existingSecret }}
      key: {{ .Values.masking.existingSecretHashKeyKey }}
{{- end }}
{{- end -}}
