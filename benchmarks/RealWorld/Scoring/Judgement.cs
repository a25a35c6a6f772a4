namespace RealWorld.Scoring;

internal enum Judgement
{
    /// <summary>Matches an expect or ok row.</summary>
    Correct,

    /// <summary>Matches only neg rows.</summary>
    False,

    /// <summary>Matches no row: a reviewer has to label it.</summary>
    Unjudged,
}
