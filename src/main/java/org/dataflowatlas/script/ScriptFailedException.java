package org.dataflowatlas.script;

/** A script could not run; nothing of it was kept. Says where, and why. */
public class ScriptFailedException extends RuntimeException {

    private final String script;
    private final int line;

    public ScriptFailedException(String script, int line, String reason) {
        this(script, line, reason, null);
    }

    public ScriptFailedException(String script, int line, String reason, Throwable cause) {
        super(script + ":" + line + ": " + reason, cause);
        this.script = script;
        this.line = line;
    }

    public String script() {
        return script;
    }

    public int line() {
        return line;
    }
}
