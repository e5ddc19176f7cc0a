package dev.slotbridge.spi.error;

/**
 * The request lacks something this scheduler needs, or has a value it cannot take (400 {@code validation} naming
 * the field). Throw it before calling the scheduler, e.g. Connect searches per order and so needs {@code externalRef}.
 *
 * @see #field()
 */
public final class InvalidRequestException extends ProviderException {
    private final String field;

    /**
     * @param field   the request field as the API names it ({@code externalRef}, {@code job.priority})
     * @param problem what is wrong, shown to the caller ("is required by this council's scheduler")
     */
    public InvalidRequestException(String field, String problem) {
        super(problem, null);
        this.field = field;
    }

    public String field() {
        return field;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.CALLER_ERROR;
    }
}
