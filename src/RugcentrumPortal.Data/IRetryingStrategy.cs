using Microsoft.EntityFrameworkCore.Storage;

namespace RugcentrumPortal.Data;

/// <summary>
/// A retrying execution strategy that can tell, while a statement is failing, whether it will run the work again:
/// a failure it rides out is worth a warning, the one that ends the work is an error.
/// </summary>
public interface IRetryingStrategy
{
    /// <summary>True when <paramref name="failure"/> counts as transient here and a retry is left.</summary>
    bool WillRetry(Exception failure);

    /// <summary>Whether the strategy running the current work will retry after <paramref name="failure"/>.</summary>
    public static bool CurrentWillRetry(Exception failure) =>
        ExecutionStrategy.Current is IRetryingStrategy strategy && strategy.WillRetry(failure);
}
