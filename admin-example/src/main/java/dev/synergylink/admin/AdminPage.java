package dev.synergylink.admin;

import dev.synergylink.admin.Html.Flash;
import dev.synergylink.sync.LeaseHeldException;
import dev.synergylink.sync.SyncException;
import dev.synergylink.sync.SyncSettingsException;
import dev.synergylink.synergy.SynergyApiException;
import dev.synergylink.synergy.TokenStore;
import dev.synergylink.tinyplus.TinyPlusApiException;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reference admin page: the integration guide's screens over the SDK's public API, served by Javalin as plain
 * HTML forms (the progress bar is the only script). One operator, one connection; it binds to loopback only.
 *
 * <pre>{@code
 * try (FakeWorld world = FakeWorld.start(); AdminPage page = AdminPage.start(world, 0)) {
 *   System.out.println(page.url());
 * }
 * }</pre>
 *
 * <p>No token or secret is ever written into a page, a URL or the log: the Synergy tokens stay in the host's
 * {@code TokenStore}, the tiny+ token in the client's {@code TokenProvider}.
 */
public final class AdminPage implements AutoCloseable {
  private static final String SESSION_COOKIE = "synergylink-admin-session";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Javalin app;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private volatile Connection connection;
  private volatile Jobs jobs;

  private AdminPage(FakeWorld world, int port, TokenStore synergyTokens) {
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.jetty.host = "127.0.0.1";
      config.jetty.port = port;
      routes(config.routes);
    });
    app.start();
    this.connection = new Connection(world, url() + "connect/synergy/callback", synergyTokens);
    this.jobs = new Jobs();
  }

  /**
   * Starts the page on loopback.
   *
   * @param world the fake servers the connection talks to
   * @param port the port, or 0 for a free one
   * @return the running page
   */
  public static AdminPage start(FakeWorld world, int port) {
    return start(world, port, TokenStore.inMemory(null));
  }

  /**
   * Starts the page on loopback, keeping the Synergy tokens in the host's store.
   *
   * @param world the fake servers the connection talks to
   * @param port the port, or 0 for a free one
   * @param synergyTokens where the Synergy tokens are saved after the sign-in and each refresh
   * @return the running page
   */
  public static AdminPage start(FakeWorld world, int port, TokenStore synergyTokens) {
    return new AdminPage(world, port, Objects.requireNonNull(synergyTokens, "synergyTokens == null"));
  }

  /**
   * The page's address.
   *
   * @return {@code http://127.0.0.1:<port>/}
   */
  public String url() {
    return "http://127.0.0.1:" + app.port() + "/";
  }

  private void routes(RoutesConfig routes) {
    routes.before(this::refuseCrossSitePosts);
    Screens screens = new Screens(() -> connection, () -> jobs, this::session);
    new ConnectScreen(screens).routes(routes);
    new ConfigurationScreen(screens).routes(routes);
    new TeamMemberScreen(screens).routes(routes);
    new StatusScreen(screens).routes(routes);
    new ProjectTypeScreen(screens).routes(routes);
    new SyncScreen(screens).routes(routes);
    new HealthScreen(screens).routes(routes);
    routes.exception(Connection.NotConnectedException.class, (e, ctx) ->
        screens.redirect(ctx, "/connect", Flash.problems(List.of(e.getMessage()))));
    routes.exception(SyncSettingsException.class, (e, ctx) -> failed(screens, ctx, e.problems()));
    routes.exception(LeaseHeldException.class, (e, ctx) -> failed(screens, ctx,
        List.of("A run of this connection is going on: try again when it has finished (" + e.getMessage() + ")")));
    routes.exception(SyncException.class, (e, ctx) -> failed(screens, ctx, List.of(e.getMessage())));
    routes.exception(SynergyApiException.class, (e, ctx) -> failed(screens, ctx, List.of(e.getMessage())));
    routes.exception(TinyPlusApiException.class, (e, ctx) -> failed(screens, ctx, List.of(e.getMessage())));
    routes.exception(IllegalArgumentException.class, (e, ctx) -> failed(screens, ctx, List.of(e.getMessage())));
  }

  /** A failed action goes back to its screen with the problems; a failed screen shows them alone. */
  private static void failed(Screens screens, Context ctx, List<String> problems) {
    if (ctx.method().name().equals("POST")) {
      screens.redirect(ctx, Screens.screenOf(ctx.path()), Flash.problems(problems));
    } else {
      Html body = new Html().problems(problems, "problems");
      ctx.status(HttpStatus.INTERNAL_SERVER_ERROR);
      ctx.html(Html.page(ctx.path(), "Something stopped this screen", null, body));
    }
  }

  /** Forms post only from this page: a post another site's page makes the browser send is refused. */
  private void refuseCrossSitePosts(Context ctx) {
    if (!ctx.method().name().equals("POST")) {
      return;
    }
    String origin = ctx.header("Origin");
    String site = ctx.header("Sec-Fetch-Site");
    boolean foreignOrigin = origin != null && !origin.equals(url().substring(0, url().length() - 1));
    boolean foreignSite = site != null && !site.equals("same-origin") && !site.equals("none");
    if (foreignOrigin || foreignSite) {
      ctx.status(HttpStatus.FORBIDDEN).result("Refused: this form was posted from another site.");
      ctx.skipRemainingHandlers();
    }
  }

  /** The browser's session (made on its first visit): the OAuth state and the message of the last action. */
  private Session session(Context ctx) {
    String id = ctx.cookie(SESSION_COOKIE);
    Session session = id == null ? null : sessions.get(id);
    if (session == null) {
      byte[] bytes = new byte[16];
      RANDOM.nextBytes(bytes);
      id = HexFormat.of().formatHex(bytes);
      session = new Session();
      sessions.put(id, session);
      ctx.header("Set-Cookie", SESSION_COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Lax");
    }
    return session;
  }

  /** Stops the page, any run going on, and closes the clients. */
  @Override
  public void close() {
    jobs.close();
    app.stop();
    connection.close();
  }

  /** One browser's session. */
  static final class Session {
    /** The state of the Synergy sign-in this browser started, checked when Synergy sends it back. */
    volatile String oauthState;
    /** What the last action said, shown once. */
    volatile Flash flash;
  }
}
