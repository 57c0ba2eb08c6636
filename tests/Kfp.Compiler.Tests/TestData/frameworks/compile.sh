# A stand-in compiler: checks its arguments arrived as single words and the package's module is readable, then
# writes the IR kept beside the entry file to the output path.
source="$1" output="$2" literal="$3"
[ "$literal" = 'a b; echo $HOME' ] || { echo "argument split or expanded: '$literal'" >&2; exit 4; }
[ -r "$(dirname "$source")/steps/prep.py" ] || { echo "module steps/prep.py not readable" >&2; exit 5; }
[ "${GREETING:-}" = "hello" ] || { echo "GREETING not set" >&2; exit 6; }
cp "$(dirname "$source")/ir.yaml" "$output"
