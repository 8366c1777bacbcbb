# bash completion for fundstelle-query
_fundstelle_query() {
  local cur prev
  cur="${COMP_WORDS[COMP_CWORD]}"
  prev="${COMP_WORDS[COMP_CWORD-1]}"
  case "$prev" in
    --db|--topics|--run) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --format) COMPREPLY=($(compgen -W "text json trec" -- "$cur")); return ;;
    --color|--colour) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
    --sort) COMPREPLY=($(compgen -W "relevance date" -- "$cur")); return ;;
    -n|--limit|--offset|--per-article|--hits|--since|--until|--show|--run-name) return ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "--db -n --limit --offset --per-article --format --json --color
      --sort --since --until --count --explain --exhaustive --show --stats -i --interactive --allow-partial
      --no-pager --no-context --topics --run --hits --run-name --help --version" -- "$cur"))
  fi
}
complete -F _fundstelle_query fundstelle-query
