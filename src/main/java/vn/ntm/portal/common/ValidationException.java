package vn.ntm.portal.common;

import java.io.Serial;
import java.util.List;

/**
 * A request that the rules refuse, with a translation key the screen shows in the reader's language.
 * Services throw it before they change anything.
 */
public class ValidationException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String messageKey;
    private final transient List<Object> arguments;

    public ValidationException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
