package org.stackratings.certification.api;

/** Examples for the OpenAPI document of the certification endpoints, kept beside the records they show. */
final class Examples {

    private Examples() {
    }

    static final String LIST = """
            {"items": [
              {"member": "aurora", "guideline": "2020.06", "target": "OpenStack Powered Compute", "status": "CERTIFIED",
               "valid": true, "wording": "conforms to interop guideline 2020.06 (checked by StackRatings)",
               "issuedAt": "2026-11-20T03:00:00Z", "expiresAt": "2026-12-03T03:00:00Z", "lapsesAt": "2026-12-04T03:00:00Z",
               "failing": [], "lastRunAt": "2026-11-26T03:00:00Z", "lastRunVerdict": "PASSED",
               "href": "/api/v1/certifications/aurora"},
              {"member": "cumulus", "guideline": "2020.06", "target": "OpenStack Powered Compute", "status": "NOT_CERTIFIED",
               "valid": false, "wording": "holds no valid certificate for interop guideline 2020.06 (checked by StackRatings)",
               "issuedAt": null, "expiresAt": null, "lapsesAt": null,
               "failing": ["compute-servers-list", "compute-quotas-get"], "lastRunAt": "2026-11-26T03:02:00Z",
               "lastRunVerdict": "FAILED", "href": "/api/v1/certifications/cumulus"}],
             "page": 0, "size": 50, "total": 2,
             "links": {"self": "/api/v1/certifications?guideline=2020.06&page=0&size=50", "next": null, "prev": null}}""";

    static final String MEMBER = """
            {"member": "borealis", "certified": true, "certificates": [
              {"guideline": "2020.06", "target": "OpenStack Powered Compute", "status": "AT_RISK", "valid": true,
               "wording": "conforms to interop guideline 2020.06 (checked by StackRatings)",
               "issuedAt": "2026-11-20T03:00:00Z", "expiresAt": "2026-12-02T03:00:00Z", "lapsesAt": "2026-12-03T03:00:00Z",
               "failing": ["compute-servers-resize"],
               "lastRun": {"runId": "01a215cb-cbca-71a4-bcb6-77555e97ed37", "finishedAt": "2026-11-26T03:00:00Z",
                           "verdict": "FAILED",
                           "evidence": "/api/v1/certifications/borealis/runs/01a215cb-cbca-71a4-bcb6-77555e97ed37"},
               "history": [
                 {"change": "AT_RISK", "status": "AT_RISK", "runId": "01a215cb-cbca-71a4-bcb6-77555e97ed37",
                  "expiresAt": "2026-12-02T03:00:00Z", "lapsesAt": "2026-12-03T03:00:00Z",
                  "failing": ["compute-servers-resize"], "occurredAt": "2026-11-26T03:00:01Z",
                  "evidence": "/api/v1/certifications/borealis/runs/01a215cb-cbca-71a4-bcb6-77555e97ed37"},
                 {"change": "ISSUED", "status": "CERTIFIED", "runId": "01a1f0a2-7d1e-7c55-9a30-1b9d2f0c4e11",
                  "expiresAt": "2026-12-02T03:00:00Z", "lapsesAt": "2026-12-03T03:00:00Z", "failing": [],
                  "occurredAt": "2026-11-25T03:00:01Z",
                  "evidence": "/api/v1/certifications/borealis/runs/01a1f0a2-7d1e-7c55-9a30-1b9d2f0c4e11"}],
               "links": {"evidence": "/api/v1/certifications/borealis/runs/01a1f0a2-7d1e-7c55-9a30-1b9d2f0c4e11",
                         "statement": "/api/v1/certifications/borealis/statement?guideline=2020.06",
                         "badge": "/api/v1/certifications/borealis/badge.svg?guideline=2020.06"}}]}""";

    static final String RUN = """
            {"member": "cumulus", "runId": "01a215cb-cbca-71a4-bcb6-77555e97ed37", "guideline": "2020.06",
             "target": "OpenStack Powered Compute", "finishedAt": "2026-11-26T03:02:00Z",
             "evidenceDigest": "5b0c1e0d2f0a7a3b8f5e3c9d1a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e2f4a6b",
             "capabilities": [
               {"capability": "compute-servers-list", "status": "FAIL", "reason": "GET /servers?limit=-1 answered HTTP 200",
                "evidence": [{"method": "GET", "path": "/compute/v2.1/servers?limit=-1", "status": 200,
                              "expected": "HTTP 400", "durationMs": 176.8}]},
               {"capability": "compute-servers-resize", "status": "NOT_APPLICABLE",
                "reason": "the member names no second flavor (setting probeFlavorAlt)", "evidence": []}]}""";

    static final String STATEMENT = "eyJraWQiOiJ5N05admlCTV94cF8xX1lmTnR0ZTZuMDI2STMxRzdmSGZnUXl0cHJOZ1FjIiwidHlwIjoiY2VydGlm"
            + "aWNhdGlvbi1zdGF0ZW1lbnQrand0IiwiYWxnIjoiRVMyNTYifQ.eyJpc3MiOiJzdGFja3JhdGluZ3MiLCJzdWIiOiJhdXJvcmEiLCJtZW1i…";

    static final String NOT_FOUND = """
            {"type": "urn:stackratings:problem:not-found", "title": "Not found", "status": 404,
             "detail": "member 'nimbus' does not exist", "instance": "/api/v1/certifications/nimbus"}""";

    static final String NO_STATEMENT = """
            {"type": "urn:stackratings:problem:not-found", "title": "Not found", "status": 404,
             "detail": "member 'cumulus' was never certified for interop guideline 2020.06",
             "instance": "/api/v1/certifications/cumulus/statement"}""";

    static final String BAD_GUIDELINE = """
            {"type": "urn:stackratings:problem:bad-request", "title": "Bad request", "status": 400,
             "detail": "guideline must be an interoperability guideline id such as 2020.06 (year.month), got '2020'",
             "instance": "/api/v1/certifications"}""";

    static final String BAD_STATEMENT_GUIDELINE = """
            {"type": "urn:stackratings:problem:bad-request", "title": "Bad request", "status": 400,
             "detail": "guideline must be an interoperability guideline id such as 2020.06 (year.month), got 'June'",
             "instance": "/api/v1/certifications/aurora/statement"}""";

    static final String NO_RUN = """
            {"type": "urn:stackratings:problem:not-found", "title": "Not found", "status": 404,
             "detail": "conformance run '01a215cb-cbca-71a4-bcb6-77555e97ed37' does not exist",
             "instance": "/api/v1/certifications/aurora/runs/01a215cb-cbca-71a4-bcb6-77555e97ed37"}""";

    static final String BAD_STATUS = """
            {"type": "urn:stackratings:problem:bad-request", "title": "Bad request", "status": 400,
             "detail": "status must be one of CERTIFIED, AT_RISK, LAPSED, NOT_CERTIFIED (any case), got 'valid'",
             "instance": "/api/v1/certifications"}""";
}
