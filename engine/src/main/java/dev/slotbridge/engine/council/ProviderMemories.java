package dev.slotbridge.engine.council;

import dev.slotbridge.spi.ProviderMemory;

/** Gives each council's provider its {@link ProviderMemory}, under that council's namespace. */
public interface ProviderMemories {
    ProviderMemory forCouncil(String councilId);
}
