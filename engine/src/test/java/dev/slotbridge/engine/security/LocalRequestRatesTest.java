package dev.slotbridge.engine.security;

final class LocalRequestRatesTest extends RequestRatesContract {
    @Override
    protected RequestRates createRates() {
        return new LocalRequestRates(clock);
    }
}
