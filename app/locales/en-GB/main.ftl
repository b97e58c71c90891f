# Kiln's interface around the survey, in British English: the source every other language
# translates. A survey's own texts (questions, answers, sections) are translated in Kiln,
# not here. Keys are grouped by the page that shows them.

## Every page
skip-link = Skip to main content
footer-nav = About this service
footer-accessibility = Accessibility statement
footer-privacy = Privacy notice
footer-about = Kiln is open-source software for resident surveys. Your answers are anonymous.
language-nav = Choose a language
title-suffix = Kiln
error-prefix = Error:
error-summary-title = There is a problem
back = Back
loading = Loading…
not-found-title = Page not found
not-found-typed = If you typed the web address, check it is correct.
help-title = If you would like to talk to someone
help-free = These services are free and confidential.
help-call = call
new-tab = (opens in a new tab)

## The list of surveys
home-title = Resident surveys
home-heading = Have your say about life in your area
home-lead = Your answers show the council how people across the city are doing, ward by ward. The results are published for everyone to see.
home-takes = Takes about { $minutes } minutes
home-closed = Not open for answers at the moment
home-started = Started a survey already?
resume-link = Continue with your resume code

## A survey's start page
start-why = Why we are asking
start-before = Before you start
start-takes = It takes about { $minutes } minutes: { $questions } questions in { $sections } short sections.
start-anonymous = Your answers are anonymous. We do not ask for your name, email or address, and we do not record your IP address or the time you answered, only the date.
start-ward = We ask which ward you live in, so results can be shown for each part of the city, and, if you choose, your age group and sex, so results can be made representative. You can answer “prefer not to say”.
start-stop = You can stop at any time, save your answers and come back later with a resume code. On a shared computer, close the browser when you leave: after that only your resume code opens your answers.
start-invited = Invited by letter or email?
start-unlinked = Your answers are never linked to you, your email address or your code: the code only records that it has been used, and the date.
start-topics = What we will ask about
start-now = Start now
start-not-open = This survey is not open for answers at the moment. Please come back when the next round opens.
start-started = Started already?
start-access = Invited with an access code?
start-access-link = Enter your access code
start-illustrative = This translation is illustrative: it has not been checked by a professional translator.

## A section of questions
section-progress = Section { $number } of { $count }
continue = Continue
continue-check = Continue to check your answers
save-later = Save and come back later
resume-note = Your resume code is { $code }. Keep it to come back to your answers on any device.
form-refused = Your answers on this page could not be saved because the form was not valid. Please answer again and continue.
ward-choose = Choose your ward
ward-dont-know = I don’t know
ward-prefer-not = Prefer not to say
postcode-label = Find your ward from your postcode
postcode-hint = For example, ST4 1HH. We use it only to find your ward: it is not kept with your answers.
postcode-find = Find my ward
postcode-found = Your postcode is in { $ward }. We have chosen it below: check it is right.
postcode-or = Or choose from the list
postcode-empty = Enter your postcode
postcode-invalid = Enter a real postcode, like ST4 1HH
postcode-not-found = We could not find a ward for that postcode. Check the postcode, or choose your ward from the list
scale-ends = { $min } means { $minLabel }, { $max } means { $maxLabel }
chars-remaining = You have { $count } characters remaining
chars-over = You have { $count } characters too many

## What is wrong with an answer
problem-scale-range = Select a score from { $min } to { $max } for { $label }
problem-not-an-option = Select one of the answers shown for { $label }
problem-not-a-ward = Select your ward from the list
problem-number-range = Enter a number from { $min } to { $max } for { $label }
problem-not-a-number = Enter { $label } as a whole number, like { $example }
problem-too-long = Your answer about { $label } must be { $max } characters or fewer; it has { $count }

## Check your answers
check-title = Check your answers
check-heading = Check your answers before sending them
check-scale-answer = { $value } (on a scale where { $min } is { $minLabel } and { $max } is { $maxLabel })
check-not-answered = Not answered
check-change = Change
check-change-hidden = your answer to: { $question }
check-send-heading = Now send your answers
check-consent = By sending your answers you agree that they can be used, anonymously, in the council’s published survey results.
check-send = Send your answers
check-refused = Your answers could not be sent because the form was not valid. Please check them and send them again.

## Saved for later
saved-title = Your answers have been saved
saved-need-code = To come back to them, on this or any other device, you need your resume code:
saved-write-down = Write it down. On this or any other device, go to
saved-continue-link = continue a survey
saved-enter-code = and enter the code. Anyone with the code can see your answers until you send them.
saved-browser = This browser also keeps your answers open until it is closed, without the code. On a shared computer, close the browser when you leave: after that only the code opens them.
saved-deleted = Unfinished answers are deleted 30 days after they were last saved.
saved-continue = Continue now

## Sent
done-title = Answers sent
done-heading = Thank you: your answers have been sent
done-receipt = Your receipt code
done-keep = Keep the receipt code if you would like to ask about your response. It does not show your answers to anyone.
done-next = What happens next
done-next-body = Your answers are added, anonymously, to everyone else’s. The council publishes the results for each ward once the survey closes, with figures hidden wherever too few people answered to keep everyone anonymous.
done-updates = Get an email when the results are published
done-panel = Join the residents' panel: be asked about future surveys
done-others = See the other surveys

## Continuing with a resume code, and invitations
resume-title = Continue a survey
resume-label = Resume code
resume-hint = You were given it when you saved your answers, for example 7KQM-2XTP-9ABD.
resume-empty = Enter your resume code
resume-length = Your resume code should be 12 letters and numbers, like 7KQM-2XTP-9ABD
resume-characters = Your resume code can only contain letters and numbers, like 7KQM-2XTP-9ABD
resume-not-found = We could not find answers saved with that code. Check the code: unfinished answers are deleted 30 days after they were last saved
take-part-title = Take part with an access code
take-part-intro = If the council invited you to a survey by letter or email, enter the access code it gave you. Each code works for one set of answers.
take-part-label = Access code
take-part-hint = 20 letters and numbers, for example 7KQM-2XTP-9ABD-RW4H-C3NF
take-part-no-code = No code? You can still
take-part-any = answer any open survey
access-empty = Enter your access code
access-length = Your access code should be 20 letters and numbers, like 7KQM-2XTP-9ABD-RW4H-C3NF
access-characters = Your access code has only capital letters and the numbers 2 to 9, like 7KQM-2XTP-9ABD-RW4H-C3NF
access-not-valid = This code is not right, or it has been used already. Check it against your letter or email: each code works for one set of answers
access-closed = This survey has closed, so it is no longer taking answers. Thank you for your interest
invited-title = You are invited to take part in a survey
invited-lead = { $council } would like to hear from you. It takes a few minutes, on any phone or computer.
invited-stop = You can stop at any time, save your answers and come back later with a resume code.
invited-start = Start the survey

## Dates and numbers
date-day = Day
date-month = Month
date-year = Year
number-range = A whole number from { $min } to { $max }
problem-date-no-day = { $label } must include a day
problem-date-no-month = { $label } must include a month
problem-date-no-year = { $label } must include a year
problem-not-a-date = { $label } must be a real date
problem-date-before = { $label } must be on or after { $limit }
problem-date-after = { $label } must be on or before { $limit }
