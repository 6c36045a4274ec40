package org.stackratings.probe;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.util.Map;

/**
 * A server a customer of a sandbox cloud boots straight through its Nova API, outside the agency: the first
 * public image and the first flavor large enough for it (Nova refuses a flavor below the image's min_ram or
 * min_disk, so "the first flavor" alone would depend on the order of the profile's flavors).
 */
final class CustomerServer {

    private CustomerServer() {
    }

    /** Boots {@code name} with {@code metadata} on the cloud whose API root is {@code cloudRoot}. */
    static void boot(String cloudRoot, String token, String name, Map<String, String> metadata) {
        JsonPath image = RestAssured.given().header("X-Auth-Token", token)
                .get(cloudRoot + "/image/v2/images?visibility=public").then().statusCode(200).extract().jsonPath();
        String compute = cloudRoot + "/compute/v2.1";
        String flavor = RestAssured.given().header("X-Auth-Token", token)
                .queryParam("minRam", image.getInt("images[0].min_ram"))
                .queryParam("minDisk", image.getInt("images[0].min_disk"))
                .get(compute + "/flavors").then().statusCode(200).extract().jsonPath().getString("flavors[0].id");
        RestAssured.given().header("X-Auth-Token", token).contentType(ContentType.JSON)
                .body(Map.of("server", Map.of("name", name, "flavorRef", flavor, "imageRef", image.getString("images[0].id"),
                        "metadata", metadata)))
                .post(compute + "/servers").then().statusCode(202);
    }
}
