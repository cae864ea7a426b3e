package dev.synergylink.admin;

import dev.synergylink.admin.AdminPage.Session;
import dev.synergylink.admin.Html.Flash;
import dev.synergylink.sync.SetupCheck;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.synergy.CurrentUser;
import dev.synergylink.synergy.SynergyApiException;
import dev.synergylink.synergy.SynergyOAuth;
import dev.synergylink.tinyplus.TeamMember;
import dev.synergylink.tinyplus.TinyPlusApiException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;

/**
 * Connect: sign in to Synergy (OAuth, with the state kept in the session and checked on the way back), the tiny+
 * token, Create Sync, and the guide's setup checks with their messages.
 */
final class ConnectScreen {
  private static final String PATH = "/connect";
  private final Screens screens;

  ConnectScreen(Screens screens) {
    this.screens = screens;
  }

  void routes(RoutesConfig routes) {
    routes.get(PATH, this::show);
    routes.post(PATH + "/synergy", this::signIn);
    routes.get(PATH + "/synergy/callback", this::callback);
    routes.post(PATH + "/tinyplus", this::tinyPlus);
    routes.post(PATH + "/tinyplus/fake", this::fakeTinyPlus);
    routes.post(PATH + "/create", this::create);
  }

  private void show(Context ctx) {
    Connection c = screens.connection();
    Html h = new Html();
    h.p("You must be a tiny+ Account Admin to set up a Total Synergy integration, and you need an Administrator"
        + " account in Total Synergy to connect the applications together.");

    h.raw("<section aria-labelledby=\"synergy-heading\"><h2 id=\"synergy-heading\">1. Total Synergy</h2>");
    if (c.synergyConnected()) {
      CurrentUser user = c.synergyUser();
      h.raw("<p id=\"synergy-status\">").text("Connected to organisation " + FakeWorld.ORGANISATION + " as "
          + user.firstName() + " " + user.lastName() + " (" + user.securityLevel() + ").").raw("</p>");
    } else {
      h.raw("<p id=\"synergy-status\">Not connected.</p>");
    }
    h.form(PATH + "/synergy", "Sign in to Synergy")
        .submit(c.synergyConnected() ? "Sign in to Synergy again" : "Sign in to Synergy").endForm();
    h.raw("</section>");

    h.raw("<section aria-labelledby=\"tinyplus-heading\"><h2 id=\"tinyplus-heading\">2. tiny+</h2>");
    if (c.tinyPlusConnected()) {
      TeamMember me = c.tinyPlusUser();
      h.raw("<p id=\"tinyplus-status\">").text("Connected as " + me.name() + " (" + me.email() + ").")
          .raw("</p>");
    } else {
      h.raw("<p id=\"tinyplus-status\">Not connected.</p>");
    }
    h.form(PATH + "/tinyplus", "Connect tiny+")
        .raw("<p><label for=\"tinyplus-token\">tiny+ long-life token (an Account Admin makes one in the tiny+ app)"
            + "</label><br><input id=\"tinyplus-token\" name=\"token\" type=\"password\" autocomplete=\"off\""
            + " required size=\"40\"></p>")
        .submit("Connect tiny+").endForm();
    h.form(PATH + "/tinyplus/fake", "Connect tiny+ with a token from the fake server")
        .raw("<p>").text("On the fake servers only: make a token on the fake tiny+ server and connect with it (it"
            + " is never shown).").raw("</p>")
        .submit("Use a token from the fake tiny+ server").endForm();
    h.raw("</section>");

    h.raw("<section aria-labelledby=\"create-heading\"><h2 id=\"create-heading\">3. Create Sync</h2>");
    SyncEngine engine = c.engineOrNull();
    if (engine == null) {
      if (c.synergyConnected() && c.tinyPlusConnected()) {
        h.form(PATH + "/create", "Create Sync").submit("Create Sync").endForm();
      } else {
        h.p("Connect both systems first.");
      }
    } else {
      setupChecks(h, engine);
    }
    h.raw("</section>");
    screens.render(ctx, PATH, "Connect Synergy and tiny+", h);
  }

  private static void setupChecks(Html h, SyncEngine engine) {
    SetupCheck check = engine.checkSetup();
    h.raw("<h3>Setup checks</h3><table id=\"setup-checks\">").headers("Check", "Result")
        .raw("<tbody><tr>").td("The tiny+ user is an Account Admin").td(check.tinyPlusAccountAdmin() ? "Yes" : "No")
        .raw("</tr><tr>").td("The Synergy user is an Administrator").td(check.synergyAdministrator() ? "Yes" : "No")
        .raw("</tr></tbody></table>");
    h.problems(check.problems(), "setup-problems");
    if (check.ok()) {
      h.raw("<p id=\"setup-ok\">Setup checks passed. Next: the <a href=\"/\">configuration page</a>"
          + " (leave the Master Switch off for now).</p>");
    }
  }

  /** Starts the Synergy sign-in: a fresh state in the session, then the browser goes to Synergy's authorize page. */
  private void signIn(Context ctx) {
    String state = SynergyOAuth.newState();
    screens.session(ctx).oauthState = state;
    ctx.redirect(screens.connection().authorizeUrl(state), HttpStatus.SEE_OTHER);
  }

  /** Synergy sends the browser back here with the code and the state: a state this session did not make is refused. */
  private void callback(Context ctx) {
    Session session = screens.session(ctx);
    String expected = session.oauthState;
    session.oauthState = null; // one use
    if (ctx.queryParam("error") != null) {
      screens.redirect(ctx, PATH, Flash.problems(List.of("Synergy did not connect: " + ctx.queryParam("error")
          + ". Sign in to Synergy again.")));
      return;
    }
    if (expected == null) {
      screens.redirect(ctx, PATH, Flash.problems(List.of("This sign-in was not started from this page (or was"
          + " already used): click Sign in to Synergy again.")));
      return;
    }
    try {
      SynergyOAuth.checkState(expected, ctx.queryParam("state"));
      String code = ctx.queryParam("code");
      if (code == null || code.isBlank()) {
        throw new IllegalArgumentException("Synergy sent no code back: click Sign in to Synergy again.");
      }
      screens.connection().connectSynergy(code);
    } catch (SynergyApiException e) {
      screens.redirect(ctx, PATH, Flash.problems(List.of("Synergy did not connect: " + e.getMessage())));
      return;
    }
    screens.redirect(ctx, PATH, Flash.note("Connected to Synergy."));
  }

  private void tinyPlus(Context ctx) {
    String token = ctx.formParam("token");
    if (token == null || token.isBlank()) {
      screens.redirect(ctx, PATH, Flash.problems(List.of("The tiny+ token is empty: paste the long-life token an"
          + " Account Admin made in the tiny+ app.")));
      return;
    }
    connectTinyPlus(ctx, token.strip());
  }

  private void fakeTinyPlus(Context ctx) {
    connectTinyPlus(ctx, screens.connection().issueFakeTinyPlusToken());
  }

  private void connectTinyPlus(Context ctx, String token) {
    try {
      screens.connection().connectTinyPlus(token);
    } catch (TinyPlusApiException e) {
      // the client's messages never carry the token
      screens.redirect(ctx, PATH, Flash.problems(List.of("tiny+ refused the token: make a new one in the tiny+"
          + " app and paste it again (" + e.getMessage() + ")")));
      return;
    }
    screens.redirect(ctx, PATH, Flash.note("Connected to tiny+."));
  }

  private void create(Context ctx) {
    screens.connection().createSync();
    screens.redirect(ctx, PATH, Flash.note("Sync created, with the Master Switch off. Run the setup checks below,"
        + " then go to the configuration page."));
  }
}
