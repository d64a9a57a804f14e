import ArgumentParser
import Foundation
import ConsoleCore
import SafeText

/// The program's entry point: parses the command line, runs the command, and turns failures into plain
/// messages on stderr with the documented exit codes.
public enum FusionConsoleMain {
    /// Runs the command line and exits.
    public static func run() -> Never {
        umask(0o027)
        do {
            var command = try FusionConsole.parseAsRoot()
            try command.run()
            exit(0)
        } catch let failure as CommandFailure {
            // Messages quote ids, names and values from the store, the registry or a config file: never raw.
            let environment = ProcessInfo.processInfo.environment
            let charset = TerminalCharset.detect(environment: environment)
            // In the locale's language (fr…: French) when the sentence is of a form the catalogue knows.
            let text = Localizer(Language.detect(environment: environment)).message(failure.message)
            let message = Sanitizer.paragraph(text, charset: charset, maxScalars: 8192)
            FileHandle.standardError.write(Data("fusion-console: \(message)\n".utf8))
            exit(failure.exitCode)
        } catch {
            FusionConsole.exit(withError: error)
        }
    }
}
