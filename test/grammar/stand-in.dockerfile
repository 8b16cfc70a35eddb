# SYNTAX TEST "source.dockerfile" "the stand-in grammar: instructions, comments, RUN as shell"
FROM alpine:3.20
# <---- keyword.other.special-method.dockerfile
# a comment
# <- comment.line.number-sign.dockerfile
RUN apk add --no-cache curl && \
#   ^^^ meta.embedded.shell.dockerfile
    echo done
#   ^^^^ meta.embedded.shell.dockerfile
workdir /app
# <------- keyword.other.special-method.dockerfile
