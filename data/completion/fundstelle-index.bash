# bash completion for fundstelle-index
_fundstelle_index() {
  local cur prev
  cur="${COMP_WORDS[COMP_CWORD]}"
  prev="${COMP_WORDS[COMP_CWORD-1]}"
  case "$prev" in
    --db) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    --exclude|-j|--jobs|--shards|--commit-every) return ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "--db --exclude --extract --prune --compact -q --quiet -v --verbose
      --commit-every -j --jobs --shards --help --version" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -F _fundstelle_index fundstelle-index
