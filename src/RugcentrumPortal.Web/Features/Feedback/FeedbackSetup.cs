namespace RugcentrumPortal.Web.Features.Feedback;

public static class FeedbackSetup
{
    public static IServiceCollection AddFeedback(this IServiceCollection services) =>
        services.AddScoped<FeedbackService>();
}
