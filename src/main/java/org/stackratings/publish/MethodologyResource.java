package org.stackratings.publish;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stackratings.rating.MethodologyView;
import org.stackratings.rating.Scorecard;

/** Public: the methodology in force. */
@Path("/api/v1/methodology")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ratings", description = "Current ratings of member clouds (public)")
public class MethodologyResource {

    private final Scorecard scorecard;

    public MethodologyResource(Scorecard scorecard) {
        this.scorecard = scorecard;
    }

    @GET
    @Operation(summary = "The methodology in force", description = "Version, window, minimum data, weights, grids, caps, stability and outlook rules.")
    @APIResponse(responseCode = "200", description = "The methodology", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MethodologyView.class),
            examples = @ExampleObject(name = "dev mode", value = """
                    {"version": "2026.1-draft+dev", "window": "PT24H", "minimumData": {"coverage": 0.8, "history": "PT3M"},
                     "weights": {"availability": 40.0, "latency": 15.0, "latency.p95": 8.0, "latency.p99": 4.0, "latency.p50": 3.0,
                                 "lifecycle": 20.0, "lifecycle.bootSuccess": 10.0, "lifecycle.timeToActiveP95": 6.0,
                                 "lifecycle.deleteSuccess": 4.0, "compliance": 15.0},
                     "serviceWeights": {"identity": 25.0, "compute": 25.0, "network": 20.0, "volume": 15.0, "image": 15.0},
                     "categoryFloors": [95.0, 80.0, 65.0, 50.0, 35.0, 20.0, 5.0, 0.0],
                     "notchFloors": {"Aaa": 95.0, "Aa1": 90.0, "Aa2": 85.0, "Aa3": 80.0, "A1": 75.0, "A2": 70.0, "A3": 65.0,
                                     "Baa1": 60.0, "Baa2": 55.0, "Baa3": 50.0, "Ba1": 45.0, "Ba2": 40.0, "Ba3": 35.0, "B1": 30.0,
                                     "B2": 25.0, "B3": 20.0, "Caa1": 15.0, "Caa2": 10.0, "Caa3": 5.0, "Ca": 0.0},
                     "grids": {"apiAvailability": [99.99, 99.95, 99.9, 99.5, 99.0, 98.0, 95.0],
                               "latencyP50": [60.0, 100.0, 150.0, 250.0, 400.0, 800.0, 2000.0],
                               "latencyP95": [150.0, 250.0, 400.0, 600.0, 1000.0, 2000.0, 5000.0],
                               "latencyP99": [300.0, 500.0, 800.0, 1200.0, 2000.0, 4000.0, 10000.0],
                               "bootSuccess": [99.9, 99.5, 99.0, 98.0, 95.0, 90.0, 80.0],
                               "timeToActiveP95Seconds": [30.0, 45.0, 60.0, 90.0, 120.0, 180.0, 300.0],
                               "deleteSuccess": [99.9, 99.5, 99.0, 98.0, 95.0, 90.0, 80.0],
                               "compliance": [100.0, 99.99, 99.0, 97.0, 95.0, 90.0, 80.0]},
                     "caps": [{"below": 99.0, "code": "AVAILABILITY_BELOW_THRESHOLD", "cap": "B1"},
                              {"below": 95.0, "code": "COMPLIANCE_BELOW_THRESHOLD", "cap": "Ba1"},
                              {"code": "BOOT_SUCCESS_BELOW_THRESHOLD", "minimumBoots": 100, "cap": "Ba1", "below": 95.0}],
                     "stability": {"affirmAfter": "PT168H", "sharpNotches": 2, "hold": "PT24H"},
                     "outlook": {"horizon": "PT24H", "bucket": "PT1H", "minimumBuckets": 5},
                     "scale": ["Aaa", "Aa1", "Aa2", "Aa3", "A1", "A2", "A3", "Baa1", "Baa2", "Baa3", "Ba1", "Ba2", "Ba3",
                               "B1", "B2", "B3", "Caa1", "Caa2", "Caa3", "Ca", "C", "NR", "WR"],
                     "assuredGradeFloor": "Baa3"}""")))
    public MethodologyView get() {
        return scorecard.methodology();
    }
}
