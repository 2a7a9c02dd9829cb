using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RugcentrumPortal.Data;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using RugcentrumPortal.Web.Features.Accounts.Passkeys;
using RugcentrumPortal.Web.Features.Accounts.Sessions;
using RugcentrumPortal.Web.Features.Accounts.SignIn;
using RugcentrumPortal.Web.Infrastructure;
using RugcentrumPortal.Web.Infrastructure.Security;

namespace RugcentrumPortal.Web.Features.Accounts;

public static class AccountsSetup
{
    public const string LoginPath = "/account/inloggen";
    public const string StillHerePath = "/account/actief";

    /// <summary>
    /// The rate-limit policy of the sign-in pages: posts from one address per minute, whatever account they try.
    /// The per-account slowing down is <see cref="LoginThrottle"/>'s, counted in the database and so shared by every
    /// instance; this one stays in memory, as the proxy sends one address to one instance (ADR 0027).
    /// </summary>
    public const string LoginAttempts = "login-attempts";

    public static IServiceCollection AddPortalIdentity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityState>();
        services.AddHttpContextAccessor();
        services.AddSingleton<AccountSignals>();
        services.AddScoped<SignInSessions>();
        services.AddScoped<SessionCookieEvents>();
        services.AddSingleton<AccountAttemptCounter>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<TrustedDevices>();
        services.AddScoped<LoginService>();
        services.AddScoped<AuthenticatorService>();
        services.AddPasskeys();
        var postsPerMinute = configuration.GetValue("Accounts:LoginAttemptsPerMinute", 20);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(LoginAttempts, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = postsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("reading"));
        });
        services.Configure<SessionLifetime>(configuration.GetSection("Sessions"));
        var lifetime = configuration.GetSection("Sessions").Get<SessionLifetime>() ?? new SessionLifetime();

        services.AddIdentity<ApplicationUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.Stores.SchemaVersion = AppDbContext.IdentitySchema;

                // Length beats composition rules; common passwords are refused by CommonPasswordValidator.
                options.Password.RequiredLength = PasswordRules.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;

                // Wrong passwords never lock an account (LoginThrottle slows them down instead); wrong codes from the
                // authenticator app, which only someone with the password can send, lock it for 15 minutes.
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);

                // A code from the authenticator app counts once (OneTimeAuthenticatorCodes), wherever one is checked.
                options.Tokens.AuthenticatorTokenProvider = OneTimeAuthenticatorCodes.ProviderName;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserManager<PortalUserManager>()
            .AddClaimsPrincipalFactory<PracticeClaimsPrincipalFactory>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddPasswordValidator<MaximumLengthPasswordValidator>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OneTimeAuthenticatorCodes>(OneTimeAuthenticatorCodes.ProviderName);
        services.TryAddKeyedSingleton(OneTimeAuthenticatorCodes.ClockKey, (provider, _) => provider.GetRequiredService<TimeProvider>());

        var allowInsecureCookies = configuration.GetValue<bool>("Security:AllowInsecureCookies");
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = LoginPath;
            options.LogoutPath = "/account/uitloggen";
            options.AccessDeniedPath = "/account/geen-toegang";
            options.Cookie.Name = "rugcentrum.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = allowInsecureCookies ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            // The idle timeout; the absolute one is the session's (SignInSessions), checked with it on every request.
            options.ExpireTimeSpan = lifetime.Idle;
            options.SlidingExpiration = true;
            options.EventsType = typeof(SessionCookieEvents);
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "rugcentrum.af";
            options.Cookie.SecurePolicy = allowInsecureCookies ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        return services;
    }

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/uitloggen", async (HttpContext context, SignInSessions sessions, SignInManager<ApplicationUser> signInManager, SecurityEvents security) =>
        {
            if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } accountId)
            {
                security.Logout(accountId);
            }
            await sessions.EndAsync(context.User, context.RequestAborted);
            await signInManager.SignOutAsync();
            return Results.LocalRedirect(LoginPath);
        });
        // A live workspace page talks to the server over its own connection, which never renews the sign-in cookie;
        // the page calls this while its user is working, so only a sign-in left alone times out.
        endpoints.MapGet(StillHerePath, () => Results.NoContent()).RequireAuthorization();
        endpoints.MapPasskeyEndpoints();
        return endpoints;
    }
}
