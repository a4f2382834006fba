// Sends the approved key to the application: submits the page's one form as soon as it is parsed. Without
// JavaScript the form's own button does the same.
document.getElementById('post-redirect').submit();
