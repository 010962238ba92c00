"""Static files of the web page that `kroniek serve` serves (a package so that they install with kroniek)."""
