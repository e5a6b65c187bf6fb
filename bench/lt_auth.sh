# Sourced by the bench scripts: the curl options that sign API calls in, from LT_AUTH=user:password
# or LT_API_KEY=lt_... (see bench/lt_auth.py). Stops the script with a clear message without them.
if [ -n "${LT_API_KEY:-}" ]; then
  AUTH=(-H "Authorization: Bearer $LT_API_KEY")
elif [[ "${LT_AUTH:-}" == *:* ]]; then
  AUTH=(-u "$LT_AUTH")
else
  echo "The API needs credentials: set LT_AUTH=user:password (the administrator's password is logged" >&2
  echo "at the first start: grep LINKTRACK_BOOTSTRAP_ADMIN in messages.log) or LT_API_KEY=lt_..." >&2
  exit 2
fi
export LT_AUTH LT_API_KEY
