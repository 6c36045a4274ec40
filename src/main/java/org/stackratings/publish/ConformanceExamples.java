package org.stackratings.publish;

/** OpenAPI examples of the conformance endpoints (answers of a dev-mode run against cumulus, shortened). */
final class ConformanceExamples {

    private ConformanceExamples() {
    }

    /** {@code GET /api/v1/ratings/{member}/conformance}: the agency's words and URL paths only. */
    static final String PUBLIC_CONFORMANCE = """
            {"member": "cumulus", "guideline": "2020.06", "target": "OpenStack Powered Compute",
             "runId": "01a2a6c4-3f0e-7d1b-9e55-0c3a1f9b2d77", "finishedAt": "2026-12-04T18:02:41.118203Z",
             "evidenceDigest": "4f1c0f3e1d6b0a4f9a8e2c7d5b3a19e6c2d4f8a7b9e1c3d5f7a9b2c4e6d8f0a1",
             "summary": {"required": 60, "passed": 56, "failed": 4, "notApplicable": 0, "notChecked": 0},
             "capabilities": [
               {"capability": "compute-servers-lock", "status": "FAIL",
                "reason": "POST compute /servers/{id}/action: answered HTTP 202, expected a locked server refuses to stop (for its owner) (HTTP 409)",
                "evidence": [
                  {"call": "POST compute /servers/{id}/action", "method": "POST", "service": "compute",
                   "path": "/servers/{id}/action", "urlPath": "/cumulus/compute/v2.1/servers/{id}/action", "status": 202,
                   "expected": "the server is locked (HTTP 200 or 202 or 204)", "problem": null, "durationMs": 212.4},
                  {"call": "POST compute /servers/{id}/action", "method": "POST", "service": "compute",
                   "path": "/servers/{id}/action", "urlPath": "/cumulus/compute/v2.1/servers/{id}/action", "status": 202,
                   "expected": "a locked server refuses to stop (for its owner) (HTTP 409)", "problem": "answered HTTP 202",
                   "durationMs": 198.0}]}]}""";

    /** {@code GET /api/v1/members/{member}/conformance}: full URLs and excerpts of wrong answers. */
    static final String MEMBER_CONFORMANCE = """
            {"member": "cumulus", "guideline": "2020.06", "target": "OpenStack Powered Compute",
             "runId": "01a2a6c4-3f0e-7d1b-9e55-0c3a1f9b2d77", "finishedAt": "2026-12-04T18:02:41.118203Z",
             "evidenceDigest": "4f1c0f3e1d6b0a4f9a8e2c7d5b3a19e6c2d4f8a7b9e1c3d5f7a9b2c4e6d8f0a1",
             "summary": {"required": 60, "passed": 56, "failed": 4, "notApplicable": 0, "notChecked": 0},
             "capabilities": [
               {"capability": "images-v2-update", "status": "FAIL",
                "reason": "PATCH image /v2/images/5c1e…: answered HTTP 415, expected the image is renamed by a JSON patch (HTTP 200)",
                "evidence": [
                  {"call": "PATCH image /v2/images/5c1e0a4e-0f1b-4b8e-9a51-2f6f3c1d7e90", "method": "PATCH", "service": "image",
                   "path": "/v2/images/5c1e0a4e-0f1b-4b8e-9a51-2f6f3c1d7e90",
                   "url": "http://127.0.0.1:8780/cumulus/image/v2/images/5c1e0a4e-0f1b-4b8e-9a51-2f6f3c1d7e90",
                   "status": 415, "expected": "the image is renamed by a JSON patch (HTTP 200)",
                   "problem": "answered HTTP 415", "excerpt": "{\\"code\\":415,\\"title\\":\\"Unsupported Media Type\\"}",
                   "durationMs": 301.7}]}]}""";
}
