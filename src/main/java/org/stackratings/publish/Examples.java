package org.stackratings.publish;

/**
 * Examples for the OpenAPI document of this package's endpoints, kept beside the views they show (answers of dev
 * mode's sandbox, shortened).
 */
final class Examples {

    /** {@code GET /api/v1/ratings/{member}/compliance}: no excerpt of the cloud's answers, URL paths only. */
    static final String PUBLIC_COMPLIANCE = """
            {"member": "cumulus", "guideline": "2020.06", "platform": "OpenStack Powered Compute",
             "checkedAt": "2026-11-26T03:00:18.905466Z",
             "summary": {"required": 60, "passed": 17, "failed": 2, "notChecked": 41},
             "capabilities": [
               {"capability": "compute-flavors-list", "status": "PASS", "evidence": [
                  {"call": "GET compute /flavors", "method": "GET", "service": "compute", "path": "/flavors",
                   "urlPath": "/cumulus/compute/v2.1/flavors", "status": 200, "expected": "HTTP 200", "problem": null,
                   "durationMs": 562.697}],
                "runId": "01a215cb-cbca-71a4-bcb6-77555e97ed37", "checkedAt": "2026-11-26T03:00:08.002756Z"},
               {"capability": "compute-images-create", "status": "NOT_CHECKED", "evidence": [],
                "runId": "01a215cb-cbca-71a4-bcb6-77555e97ed37", "checkedAt": "2026-11-26T03:00:08.721872Z"},
               {"capability": "compute-servers-list", "status": "FAIL", "evidence": [
                  {"call": "GET compute /servers", "method": "GET", "service": "compute", "path": "/servers",
                   "urlPath": "/cumulus/compute/v2.1/servers", "status": 200, "expected": "HTTP 200", "problem": null,
                   "durationMs": 489.487},
                  {"call": "GET compute /servers?limit=-1", "method": "GET", "service": "compute", "path": "/servers?limit=-1",
                   "urlPath": "/cumulus/compute/v2.1/servers", "status": 200, "expected": "HTTP 400",
                   "problem": "answered HTTP 200", "durationMs": 176.752}],
                "runId": "01a215cb-cbca-71a4-bcb6-77555e97ed37", "checkedAt": "2026-11-26T03:00:13.301674Z"}]}""";

    /** {@code GET /api/v1/members/{member}/compliance}: the whole evidence, full URLs and excerpts. */
    static final String MEMBER_COMPLIANCE = """
            {"member": "cumulus", "guideline": "2020.06", "platform": "OpenStack Powered Compute",
             "checkedAt": "2026-11-26T03:00:18.905466Z",
             "summary": {"required": 60, "passed": 17, "failed": 2, "notChecked": 41},
             "capabilities": [
               {"capability": "compute-servers-list", "status": "FAIL", "evidence": [
                  {"call": "GET compute /servers", "method": "GET", "service": "compute", "path": "/servers",
                   "url": "http://127.0.0.1:8780/cumulus/compute/v2.1/servers", "status": 200, "expected": "HTTP 200",
                   "problem": null, "excerpt": null, "durationMs": 489.487},
                  {"call": "GET compute /servers?limit=-1", "method": "GET", "service": "compute", "path": "/servers?limit=-1",
                   "url": "http://127.0.0.1:8780/cumulus/compute/v2.1/servers?limit=-1", "status": 200, "expected": "HTTP 400",
                   "problem": "answered HTTP 200", "excerpt": "{\\"servers\\":[]}", "durationMs": 176.752}],
                "runId": "01a215cb-cbca-71a4-bcb6-77555e97ed37", "checkedAt": "2026-11-26T03:00:13.301674Z"}]}""";

    static final String PUBLIC_COMPLIANCE_NOT_FOUND = """
            {"type": "urn:stackratings:problem:not-found", "title": "Not found", "status": 404,
             "detail": "member 'nimbus' does not exist", "instance": "/api/v1/ratings/nimbus/compliance"}""";

    static final String MEMBER_COMPLIANCE_NOT_FOUND = """
            {"type": "urn:stackratings:problem:not-found", "title": "Not found", "status": 404,
             "detail": "member 'nimbus' does not exist", "instance": "/api/v1/members/nimbus/compliance"}""";

    private Examples() {
    }
}
