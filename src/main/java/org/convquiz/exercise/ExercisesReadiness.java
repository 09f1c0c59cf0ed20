package org.convquiz.exercise;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness is DOWN when the exercises folder could not be loaded at start: a load balancer sends no students here. */
@Readiness
@ApplicationScoped
public class ExercisesReadiness implements HealthCheck {
    @Inject
    ExerciseCatalog catalog;

    @Override
    public HealthCheckResponse call() {
        var problem = catalog.notReady();
        return HealthCheckResponse.named("Exercises").status(problem.isEmpty())
                .withData("problem", problem.orElse("none")).build();
    }
}
