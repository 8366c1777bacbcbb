# Writes OUTPUT: a .cpp defining `extern const std::string_view SYMBOL` with the contents of INPUT.
file(READ "${INPUT}" content HEX)
string(LENGTH "${content}" hex_length)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${content}")
math(EXPR length "${hex_length} / 2")
file(WRITE "${OUTPUT}"
  "// Generated from ${INPUT}; edit that file instead.\n"
  "#include <string_view>\n"
  "namespace fundstelle::embedded {\n"
  "static const char kData[] = {${bytes} 0};\n"
  "extern const std::string_view ${SYMBOL};\n"
  "const std::string_view ${SYMBOL}(kData, ${length});\n"
  "}  // namespace fundstelle::embedded\n")
