using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Features.ExerciseMedia;

public static class ExerciseMediaSetup
{
    /// <summary>
    /// How long a browser may reuse a file without asking again. Private: only the signed-in user's own browser
    /// keeps it, never a shared cache; a file never changes under its address.
    /// </summary>
    public const string CacheControl = "private, max-age=3600";

    /// <summary>HEAD too: a player may ask for a file's length before it asks for a part.</summary>
    private static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Head];

    public static IServiceCollection AddExerciseMedia(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MediaOptions>(configuration.GetSection(MediaOptions.Section));
        return services
            .AddSingleton<MediaStore>()
            .AddSingleton<VideoTools>()
            .AddSingleton<MediaProcessor>()
            .AddScoped<ExerciseMediaService>();
    }

    /// <summary>
    /// Serves a file after the access rule found its record (404 otherwise, as for a file that never existed), with
    /// byte ranges, so a phone starts a video after its first part and can jump ahead.
    /// </summary>
    public static IEndpointRouteBuilder MapExerciseMedia(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/media/{id:guid}", Methods, (Guid id, HttpContext context, ExerciseMediaService media) => ServeAsync(id, poster: false, context, media))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Therapist, Roles.Patient));
        endpoints.MapMethods("/media/{id:guid}/poster", Methods, (Guid id, HttpContext context, ExerciseMediaService media) => ServeAsync(id, poster: true, context, media))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Therapist, Roles.Patient));
        return endpoints;
    }

    private static async Task<IResult> ServeAsync(Guid id, bool poster, HttpContext context, ExerciseMediaService media)
    {
        var file = await media.FileAsync(id, poster, context.RequestAborted);
        if (file is null || !File.Exists(file.Path))
        {
            return Results.NotFound();
        }
        context.Response.Headers.CacheControl = CacheControl;
        return Results.File(file.Path, file.ContentType, lastModified: file.LastModified, entityTag: file.ETag, enableRangeProcessing: true);
    }
}
