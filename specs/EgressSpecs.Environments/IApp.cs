namespace EgressSpecs.Environments;

/// <summary>An application that makes plaintext HTTP calls, placed somewhere by the target.</summary>
public interface IApp
{
    /// <summary>Where the app runs, for messages ("meshed app", "outside app").</summary>
    string Description { get; }

    /// <summary>
    /// Sends one request and returns what came back. Expected network outcomes (name not resolved, connection
    /// refused, timeout) are returned as <see cref="AppResponse.Failure"/>, never thrown.
    /// </summary>
    Task<AppResponse> SendAsync(AppRequest request, CancellationToken cancellationToken);
}
