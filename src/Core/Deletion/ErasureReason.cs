namespace CustomerFunctions.Core.Deletion;

/// <summary>Why an account is erased: the two ways an account ends share one erasure, which differs only where <see cref="ErasureRules"/> says.</summary>
public enum ErasureReason
{
    /// <summary>The account was deleted (at once, or by the sweep after a request).</summary>
    Deletion,

    /// <summary>A registration waiting for approval was rejected.</summary>
    Rejection,
}
