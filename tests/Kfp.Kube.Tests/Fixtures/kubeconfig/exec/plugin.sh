#!/bin/sh
# A tiny exec credential plugin: checks its argv and KUBERNETES_EXEC_INFO, then prints an ExecCredential
# whose token is only right when everything arrived as kubeconfig said.
token="$2"
[ "$4" = "two words" ] || token="argv-was-split"
case "$KUBERNETES_EXEC_INFO" in
  *'"kind":"ExecCredential"'*'"interactive":false'*'"server":"http://127.0.0.1:'*) ;;
  *) token="exec-info-missing" ;;
esac
printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"%s","expirationTimestamp":"%s"}}\n' "$token" "$PLUGIN_EXPIRY"
