package org.stackratings.web;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** OpenAPI metadata of the StackRatings API (served at /q/openapi). */
@OpenAPIDefinition(info = @Info(title = "StackRatings API", version = "1",
        description = "Ratings of OpenStack clouds. Errors are RFC 9457 application/problem+json."))
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "Authorization: Bearer <api key>")
public class ApiDefinition extends Application {
}
