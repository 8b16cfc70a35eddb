#!/bin/sh
# A tiny "function": the event (JSON) is its first argument, the answer (JSON) goes to stdout.
# The first call in a container pays for initialising the runtime (here: one second); later calls reuse it.
# `handler.sh serve` initialises and then waits, as a warm instance does between requests.
if [ -f /run/fn-ready ]; then start=warm; else
  sleep 1; mkdir -p /run && touch /run/fn-ready; start=cold
fi
[ "$1" = serve ] && exec sleep 3600
name=$(echo "$1" | sed -n 's/.*"name" *: *"\([^"]*\)".*/\1/p')
echo "{\"greeting\": \"hello ${name:-world}\", \"start\": \"$start\"}"
