package dev.slotbridge.server;

import dev.slotbridge.server.startup.StartupFailure;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** Starts the Slotbridge server; a failed start is reported by {@link StartupFailure}. */
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The client's API key: Authorization: Bearer <api-key>")
@OpenAPIDefinition(info = @Info(title = "Slotbridge", version = "1",
        description = "One booking API in front of councils' repair scheduling systems."))
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        StartupFailure.start(Application.class, args);
    }
}
