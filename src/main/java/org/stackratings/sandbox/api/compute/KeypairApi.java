package org.stackratings.sandbox.api.compute;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.stackratings.sandbox.api.Microversion;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.ServiceRoutes;
import org.stackratings.sandbox.state.KeypairStore.Keypair;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Nova's {@code os-keypairs} for the token's user: create (generated, or imported from a public key), list, show and
 * delete. From microversion 2.2 a keypair has a {@code type} ({@code ssh}, or {@code x509} with a PEM certificate),
 * create answers 201 instead of 200 and delete 204 instead of 202. Create runs off the event loop: generating an RSA
 * key pair takes a tenth of a second of CPU, which would hold up every other cloud's requests.
 */
final class KeypairApi {

    static final int QUOTA = 100;
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9 _-]{1,255}");

    void register(ServiceRoutes routes, String prefix) {
        routes.get(prefix + "/os-keypairs", this::list);
        routes.routeOffLoop(HttpMethod.POST, prefix + "/os-keypairs", NovaRefusal.answering(this::create));
        routes.get(prefix + "/os-keypairs/:keypair_name", NovaRefusal.answering(this::show));
        routes.route(HttpMethod.DELETE, prefix + "/os-keypairs/:keypair_name", true, NovaRefusal.answering(this::delete));
    }

    private void create(ApiRequest req) {
        Microversion mv = ComputeApi.microversion(req);
        JsonObject body = req.jsonBody();
        Object keypair = body == null ? null : body.getValue("keypair");
        if (!(keypair instanceof JsonObject request)) {
            throw NovaRefusal.invalid("keypair", keypair);
        }
        Object name = request.getValue("name");
        if (!(name instanceof String text) || !NAME.matcher(text).matches() || !text.strip().equals(text)) {
            throw NovaRefusal.invalid("name", name);
        }
        String type = request.getValue("type") instanceof String t ? t : "ssh";
        if (request.containsKey("type") && (!mv.atLeast(2, 2) || !(type.equals("ssh") || type.equals("x509")))) {
            throw NovaRefusal.invalid("type", request.getValue("type"));
        }
        String user = req.token().user().id();
        var store = req.cloud().keypairs();
        if (store.has(user, text)) {
            throw new NovaRefusal(409, "Key pair '" + text + "' already exists.");
        }
        if (store.count(user) >= QUOTA) {
            throw new NovaRefusal(403, "Quota exceeded, too many key pairs.");
        }
        PublicKeys.Key key = key(request, type, req.now());
        Keypair created = store.add(user, text, type, key.publicKey(), key.fingerprint(), req.now(), QUOTA)
                .orElseThrow(() -> new NovaRefusal(409, "Key pair '" + text + "' already exists."));
        JsonObject answer = summary(created, mv).put("user_id", user);
        if (key.privateKey() != null) {
            answer.put("private_key", key.privateKey());
        }
        req.reply(mv.atLeast(2, 2) ? 201 : 200, new JsonObject().put("keypair", answer));
    }

    private static PublicKeys.Key key(JsonObject request, String type, java.time.Instant now) {
        if (!request.containsKey("public_key")) {
            if (type.equals("x509")) {
                String[] generated = SelfSignedCertificates.generate("Generated-by-Nova", now);
                PublicKeys.Key certificate = PublicKeys.x509(generated[0]).orElseThrow();
                return new PublicKeys.Key(certificate.publicKey(), certificate.fingerprint(), generated[1]);
            }
            return PublicKeys.generateSsh("Generated-by-Nova");
        }
        Object text = request.getValue("public_key");
        if (!(text instanceof String publicKey) || publicKey.isBlank() || publicKey.length() > 65535) {
            throw NovaRefusal.invalid("public_key", text);
        }
        Optional<PublicKeys.Key> key = type.equals("x509") ? PublicKeys.x509(publicKey) : PublicKeys.ssh(publicKey);
        return key.orElseThrow(() -> new NovaRefusal(400, "Keypair data is invalid: failed to generate fingerprint"));
    }

    private void list(ApiRequest req) {
        Microversion mv = ComputeApi.microversion(req);
        JsonArray list = new JsonArray();
        req.cloud().keypairs().list(req.token().user().id())
                .forEach(k -> list.add(new JsonObject().put("keypair", summary(k, mv))));
        req.ok(new JsonObject().put("keypairs", list));
    }

    private void show(ApiRequest req) {
        Microversion mv = ComputeApi.microversion(req);
        Keypair k = found(req);
        req.ok(new JsonObject().put("keypair", summary(k, mv).put("user_id", k.userId()).put("id", k.id())
                .put("created_at", k.createdAt().toString().replace("Z", "")).put("deleted", false)
                .putNull("deleted_at").putNull("updated_at")));
    }

    private void delete(ApiRequest req) {
        Keypair k = found(req);
        req.cloud().keypairs().remove(k.userId(), k.name());
        req.reply(ComputeApi.microversion(req).atLeast(2, 2) ? 204 : 202, null);
    }

    private static Keypair found(ApiRequest req) {
        String user = req.token().user().id();
        String name = req.param("keypair_name");
        return req.cloud().keypairs().get(user, name)
                .orElseThrow(() -> new NovaRefusal(404, "Keypair " + name + " not found for user " + user));
    }

    private static JsonObject summary(Keypair k, Microversion mv) {
        JsonObject json = new JsonObject().put("name", k.name()).put("public_key", k.publicKey())
                .put("fingerprint", k.fingerprint());
        if (mv.atLeast(2, 2)) {
            json.put("type", k.type());
        }
        return json;
    }
}
