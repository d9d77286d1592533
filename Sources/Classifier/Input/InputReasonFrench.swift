/// The French of the reasons readers give (`unexpected end of input`, `expected an object, found an array`, the
/// operating system's `Permission denied`): a message catalogue keyed by the English fragments, as gettext keys
/// messages by their English text. The reasons stay English in `InputError` values and in `--lang en` (what a tool
/// or a developer searches for); `--lang fr` shows them through ``InputReasonFrench/translate(_:)``.
///
/// Fragments are replaced longest first, so composed reasons ("in the guild object: expected a string, found a
/// number") translate piece by piece. A reason the catalogue does not know stays as it is; `InputErrorTests`
/// checks that every reason the readers can give comes out with no English fragment left.
enum InputReasonFrench {
    /// `reason` in French, as far as the catalogue knows it.
    static func translate(_ reason: String) -> String {
        // Templates whose French puts the pieces in another order.
        var text = reason
            .replacing(/unexpected (.+?) after the end of the JSON value/) { "\($0.1) inattendu après la fin de la valeur JSON" }
            .replacing(/unexpected (.+?): expected a value/) { "\($0.1) inattendu : une valeur était attendue" }
            .replacing(/unexpected (.+?): expected '(.+?)'/) { "\($0.1) inattendu : '\($0.2)' attendu" }
            .replacing(/duplicate member name (".*"): the second would hide the first/) {
                "nom de membre en double \($0.1) : le second cacherait le premier"
            }
            .replacing(/expected ':' after member name (".*"), found (.+)/) { "':' attendu après le nom de membre \($0.1), trouvé \($0.2)" }
            .replacing(/is (\d+) bytes long, over the (\d+) KiB/) { "fait \($0.1) octets, au-delà des \($0.2) Kio" }
        for (english, french) in phrases where text.contains(english) {
            text = text.replacingOccurrences(of: english, with: french)
        }
        return text
    }

    /// English fragment → French, applied in this order (longer and more specific fragments first).
    static let phrases: [(String, String)] = [
        // JSON syntax (JSONParser, JSONTape).
        ("empty input: expected a JSON value", "entrée vide : une valeur JSON était attendue"),
        ("unexpected end of input inside a string", "fin inattendue de l'entrée au milieu d'une chaîne"),
        ("unexpected end of input in a \\u escape", "fin inattendue de l'entrée dans un échappement \\u"),
        ("unexpected end of input: expected ',' or '}'", "fin inattendue de l'entrée : ',' ou '}' attendu"),
        ("unexpected end of input: expected ',' or ']'", "fin inattendue de l'entrée : ',' ou ']' attendu"),
        ("unexpected end of input: expected a value", "fin inattendue de l'entrée : une valeur était attendue"),
        ("unexpected end of input", "fin inattendue de l'entrée"),
        ("in an object, found", "dans un objet, trouvé"),
        ("in an array, found", "dans un tableau, trouvé"),
        ("expected a member name in double quotes, found", "nom de membre entre guillemets attendu, trouvé"),
        ("inside a string: it must be escaped", "dans une chaîne : il doit être échappé"),
        ("control character", "caractère de contrôle"),
        ("in a string", "dans une chaîne"),
        ("invalid escape", "échappement invalide"),
        ("invalid hex digit", "chiffre hexadécimal invalide"),
        ("in a \\u escape", "dans un échappement \\u"),
        ("invalid number: expected a digit after '.'", "nombre invalide : un chiffre était attendu après '.'"),
        ("invalid number: expected a digit in the exponent", "nombre invalide : un chiffre était attendu dans l'exposant"),
        ("invalid number: expected a digit", "nombre invalide : un chiffre était attendu"),
        ("nesting deeper than", "imbrication de plus de"),
        (" levels", " niveaux"),
        ("expected ',' or '}'", "',' ou '}' attendu"),
        ("expected ',' or ']'", "',' ou ']' attendu"),
        ("end of input", "fin de l'entrée"),
        // Fields (ServerDecoder).
        ("expected Discord's numeric channel type", "un type de salon Discord numérique était attendu"),
        ("expected a channel object or name, found", "un salon (objet ou nom) était attendu, trouvé"),
        ("expected a category object or name, found", "une catégorie (objet ou nom) était attendue, trouvé"),
        ("expected a channel object, found", "un objet salon était attendu, trouvé"),
        ("expected an object, found", "un objet était attendu, trouvé"),
        ("expected an array, found", "un tableau était attendu, trouvé"),
        ("expected a string, found", "une chaîne était attendue, trouvé"),
        (" Kio a name, topic or description may take (chat platforms allow a few kilobytes): the record is not read",
         " Kio permis à un nom, un sujet ou une description (les plateformes en permettent quelques kilo-octets) : "
            + "l'enregistrement n'est pas lu"),
        ("in the guild object:", "dans l'objet guild :"),
        ("in the channel object:", "dans l'objet channel :"),
        ("found a boolean", "trouvé un booléen"),
        ("found a number", "trouvé un nombre"),
        ("found a string", "trouvé une chaîne"),
        ("found an array", "trouvé un tableau"),
        ("found an object", "trouvé un objet"),
        ("found null", "trouvé null"),
        ("trouvé a boolean", "trouvé un booléen"),
        ("trouvé a number", "trouvé un nombre"),
        ("trouvé a string", "trouvé une chaîne"),
        ("trouvé an array", "trouvé un tableau"),
        ("trouvé an object", "trouvé un objet"),
        // Shapes not recognised (JSONNode.shapeDescription).
        ("an array whose items are not Discord channels", "un tableau dont les éléments ne sont pas des salons Discord"),
        ("an object with keys", "un objet aux clés"),
        ("an empty object", "un objet vide"),
        ("a boolean at the top level", "un booléen au premier niveau"),
        ("a number at the top level", "un nombre au premier niveau"),
        ("a string at the top level", "une chaîne au premier niveau"),
        ("null at the top level", "null au premier niveau"),
        ("its keys are not shown in a redacted report", "ses clés ne sont pas montrées dans un rapport masqué"),
        // Files (ByteWindow, FileReader, RecordStream) and the operating system's reasons.
        ("is a directory; pass the files inside it", "est un dossier ; passez les fichiers qu'il contient"),
        ("for one server export; write one server per line (JSON Lines) instead",
         "pour l'export d'un seul serveur ; écrivez plutôt un serveur par ligne (JSON Lines)"),
        ("larger than", "plus de"),
        ("No such file or directory", "fichier ou dossier introuvable"),
        ("no such file", "fichier introuvable"),
        ("Permission denied", "permission refusée"),
        ("Is a directory", "c'est un dossier"),
        ("Input/output error", "erreur d'entrée-sortie"),
        ("Too many open files", "trop de fichiers ouverts"),
        ("File name too long", "nom de fichier trop long"),
        ("Not a directory", "pas un dossier"),
        // Outlines (OutlineReader).
        ("the line is longer than", "la ligne dépasse"),
        ("a second '# ' line: an outline names one server", "une seconde ligne '# ' : un plan ne nomme qu'un serveur"),
        ("a topic ('|') before any channel", "un sujet ('|') avant tout salon"),
        (" KiB", " Kio"),
        (" MiB", " Mio"),
    ]
}
