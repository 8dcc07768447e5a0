{{/* Names, labels and shared snippets of the analyzer-service chart. Every template is prefixed with "analyzer." so that it cannot clash with the other Schemagov charts under the umbrella chart. */}}

{{/* The chart name, or nameOverride. */}}
{{- define "analyzer.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The fully qualified name of the release's objects, or fullnameOverride. */}}
{{- define "analyzer.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Labels selecting the pods of this release. */}}
{{- define "analyzer.selectorLabels" -}}
app.kubernetes.io/name: {{ include "analyzer.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Labels of every object. */}}
{{- define "analyzer.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "analyzer.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/component: analyzer
app.kubernetes.io/part-of: schemagov
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* The service account the pods run as. */}}
{{- define "analyzer.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "analyzer.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* The container image: global.imageRegistry or image.registry, repository, then digest or tag (default: the chart's appVersion). */}}
{{- define "analyzer.image" -}}
{{- $registry := default .Values.image.registry (dig "imageRegistry" "" (.Values.global | default dict)) -}}
{{- $repository := ternary (printf "%s/%s" $registry .Values.image.repository) .Values.image.repository (ne $registry "") -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" $repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" $repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}
{{- end -}}

{{/* Image pull secrets: global.imagePullSecrets and image.pullSecrets. */}}
{{- define "analyzer.imagePullSecrets" -}}
{{- $secrets := concat (dig "imagePullSecrets" list (.Values.global | default dict)) .Values.image.pullSecrets | uniq -}}
{{- if $secrets }}
imagePullSecrets:
{{- range $secrets }}
  - name: {{ . }}
{{- end }}
{{- end }}
{{- end -}}

{{/* A map without its empty strings, lists and maps (booleans and numbers are kept), so that the service's own defaults apply. */}}
{{- define "analyzer.withoutEmpty" -}}
{{- $out := dict -}}
{{- range $key, $value := . -}}
{{- if or (kindIs "bool" $value) (kindIs "float64" $value) (kindIs "int64" $value) (kindIs "int" $value) (not (empty $value)) -}}
{{- $_ := set $out $key $value -}}
{{- end -}}
{{- end -}}
{{- toYaml $out -}}
{{- end -}}

{{/* The pod's and the container's security contexts, without the chart's own "enabled" switch. */}}
{{- define "analyzer.podSecurityContext" -}}
{{- if .Values.podSecurityContext.enabled }}
securityContext:
  {{- omit .Values.podSecurityContext "enabled" | toYaml | nindent 2 }}
{{- end }}
{{- end -}}

{{- define "analyzer.containerSecurityContext" -}}
{{- if .Values.containerSecurityContext.enabled }}
securityContext:
  {{- omit .Values.containerSecurityContext "enabled" | toYaml | nindent 2 }}
{{- end }}
{{- end -}}

{{/* The three probes on the actuator's health groups; liveness never depends on Kafka or Elasticsearch. */}}
{{- define "analyzer.probes" -}}
{{- if .Values.startupProbe.enabled }}
startupProbe:
  httpGet:
    path: /actuator/health/liveness
    port: http
  {{- omit .Values.startupProbe "enabled" | toYaml | nindent 2 }}
{{- end }}
{{- if .Values.livenessProbe.enabled }}
livenessProbe:
  httpGet:
    path: /actuator/health/liveness
    port: http
  {{- omit .Values.livenessProbe "enabled" | toYaml | nindent 2 }}
{{- end }}
{{- if .Values.readinessProbe.enabled }}
readinessProbe:
  httpGet:
    path: /actuator/health/readiness
    port: http
  {{- omit .Values.readinessProbe "enabled" | toYaml | nindent 2 }}
{{- end }}
{{- end -}}

{{/* Annotations asking a Prometheus that discovers pods to scrape the actuator's endpoint. */}}
{{- define "analyzer.metricsAnnotations" -}}
{{- if .Values.metrics.enabled }}
prometheus.io/scrape: "true"
prometheus.io/port: {{ .Values.containerPorts.http | quote }}
prometheus.io/path: /actuator/prometheus
{{- end }}
{{- end -}}
