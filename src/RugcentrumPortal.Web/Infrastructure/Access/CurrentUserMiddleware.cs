namespace RugcentrumPortal.Web.Infrastructure.Access;

/// <summary>Hands the authenticated request user to <see cref="CurrentUser"/> before any page or endpoint runs.</summary>
public static class CurrentUserMiddleware
{
    public static IApplicationBuilder UseCurrentUser(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var user = context.RequestServices.GetRequiredService<CurrentUser>();
            user.Set(context.User);
            user.SetRemoteAddress(context.Connection.RemoteIpAddress);
            return next(context);
        });
}
