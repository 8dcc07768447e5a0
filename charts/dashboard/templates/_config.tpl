{{/* The dashboard's dashboard.yml: what the values say, with secrets as placeholders of environment variables that come from existing Secrets, then config merged over it. */}}
{{- define "dashboard.config" -}}
{{- $elasticsearch := dict "uris" (include "dashboard.elasticsearchUris" .) -}}
{{- with .Values.elasticsearch.username }}{{ $_ := set $elasticsearch "username" . }}{{ end -}}
{{- if .Values.elasticsearch.existingSecret }}{{ $_ := set $elasticsearch "password" "${ELASTICSEARCH_PASSWORD}" }}{{ end -}}
{{- $generated := dict "server" (dict "port" .Values.containerPorts.http) "spring" (dict "elasticsearch" $elasticsearch) -}}
{{- if .Values.auth.existingSecret -}}
{{- $admin := dict "name" .Values.auth.adminUser "password" "${DASHBOARD_ADMIN_PASSWORD}" "role" "ADMIN" -}}
{{- $_ := set $generated "schemagov" (dict "dashboard" (dict "users" (list $admin))) -}}
{{- end -}}
{{- toYaml (mustMergeOverwrite $generated (deepCopy .Values.config)) -}}
{{- end -}}

{{/* elasticsearch.uris, else global.elasticsearch.uris, else http://elasticsearch:9200. */}}
{{- define "dashboard.elasticsearchUris" -}}
{{- coalesce .Values.elasticsearch.uris (dig "elasticsearch" "uris" "" (.Values.global | default dict)) "http://elasticsearch:9200" -}}
{{- end -}}

{{/* The URL users open: global.dashboardUrl, else the Ingress's, else empty (reached by port-forward). */}}
{{- define "dashboard.url" -}}
{{- $global := dig "dashboardUrl" "" (.Values.global | default dict) -}}
{{- if $global -}}
{{- $global -}}
{{- else if .Values.ingress.enabled -}}
{{- printf "%s://%s%s" (ternary "https" "http" .Values.ingress.tls) .Values.ingress.hostname (trimSuffix "/" .Values.ingress.path) -}}
{{- end -}}
{{- end -}}

{{/* Environment variables from existing Secrets. */}}
{{- define "dashboard.secretEnv" -}}
{{- if .Values.elasticsearch.existingSecret }}
- name: ELASTICSEARCH_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.elasticsearch.existingSecret }}
      key: {{ .Values.elasticsearch.existingSecretPasswordKey }}
{{- end }}
{{- if .Values.auth.existingSecret }}
- name: DASHBOARD_ADMIN_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.auth.existingSecret }}
      key: {{ .Values.auth.existingSecretPasswordKey }}
{{- end }}
{{- end -}}
