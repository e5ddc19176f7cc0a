package dev.slotbridge.engine.council;

final class InProcessProviderMemoriesTest extends ProviderMemoriesContract {
    @Override
    protected ProviderMemories createMemories() {
        return new InProcessProviderMemories(clock);
    }
}
