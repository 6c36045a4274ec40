{{/* The chart's name, at most 63 characters. */}}
{{- define "stackratings.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The release's full name: the release name, with the chart's name unless it contains it already. */}}
{{- define "stackratings.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Labels of every object. */}}
{{- define "stackratings.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "stackratings.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* Labels that select the release's pods. */}}
{{- define "stackratings.selectorLabels" -}}
app.kubernetes.io/name: {{ include "stackratings.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "stackratings.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "stackratings.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The JDBC URL of the external PostgreSQL. */}}
{{- define "stackratings.databaseUrl" -}}
{{- with .Values.database }}
{{- if .url }}
{{- .url }}
{{- else }}
{{- printf "jdbc:postgresql://%s:%v/%s" (required "database.host or database.url is required" .host) .port .name }}
{{- if .parameters }}?{{ .parameters }}{{ end }}
{{- end }}
{{- end }}
{{- end }}

{{/*
An environment variable read from a Secret: (list "ENV_NAME" reference root), where a reference is
{name, key, optional}; an empty name means existingSecret.
*/}}
{{- define "stackratings.secretEnv" -}}
{{- $env := index . 0 }}{{ $ref := index . 1 }}{{ $root := index . 2 }}
- name: {{ $env }}
  valueFrom:
    secretKeyRef:
      name: {{ default $root.Values.existingSecret $ref.name | required (printf "a Secret name for %s (existingSecret or its own name)" $env) }}
      key: {{ $ref.key }}
      {{- if $ref.optional }}
      optional: true
      {{- end }}
{{- end }}

{{/*
Java properties from a tree of values: (list "prefix" value). Maps add a level to the key, lists become
comma-separated values, null leaves the key out.
*/}}
{{- define "stackratings.properties" -}}
{{- $key := index . 0 }}{{ $value := index . 1 }}
{{- if kindIs "map" $value }}
{{- range $k, $v := $value }}{{ include "stackratings.properties" (list (printf "%s.%s" $key $k) $v) }}{{ end }}
{{- else if kindIs "slice" $value }}
{{- printf "%s=%s\n" $key (join "," $value | replace "\\" "\\\\") }}
{{- else if not (kindIs "invalid" $value) }}
{{- printf "%s=%s\n" $key (toString $value | replace "\\" "\\\\" | replace "\n" "\\n") }}
{{- end }}
{{- end }}
